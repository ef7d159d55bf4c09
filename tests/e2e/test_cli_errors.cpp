// The command line under bad input: one stderr line naming the file and the reason, the
// documented exit code, nothing written, and the other inputs of a batch still processed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "test_languages.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using scanfix::test::run_command;

namespace {
std::string scanfix_bin() {
    return scanfix::test::binary_dir() + "/tools/scanfix/scanfix";
}

size_t line_count(const std::string& s) {
    return size_t(std::count(s.begin(), s.end(), '\n'));
}

// A small clean page with one typed line, enough for Tesseract.
void write_page(const std::string& path) {
    cv::Mat m(300, 1200, CV_8UC1, cv::Scalar(255));
    cv::putText(m, "PLAIN TEXT LINE", {60, 160}, cv::FONT_HERSHEY_SIMPLEX, 2.2, cv::Scalar(0), 5);
    cv::imwrite(path, m);
}
}  // namespace

TEST_CASE("help lists the subcommands and documents run's options") {
    std::string out;
    REQUIRE(run_command(scanfix_bin() + " --help", &out) == 0);
    for (const char* sub : {"run", "clean", "eval"}) CHECK(out.find(sub) != std::string::npos);
    REQUIRE(run_command(scanfix_bin() + " run --help", &out) == 0);
    for (const char* opt : {"--output-dir", "--lang", "--profile", "--layout", "--format",
                            "--debug-dir", "--print-params", "--keep-noise", "--report"})
        CHECK(out.find(opt) != std::string::npos);
}

TEST_CASE("a missing image is one clear line and exit code 3") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    std::string out, err;
    int rc = run_command(scanfix_bin() + " run /no/such/page.png", &out, &err);
    CHECK(rc == 3);
    CHECK(out.empty());
    CHECK(line_count(err) == 1);
    CHECK(err.find("/no/such/page.png") != std::string::npos);
    CHECK(err.find("no such file") != std::string::npos);
}

TEST_CASE("a text file renamed to .png is refused, not crashed on") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    std::string dir = scanfix::test::temp_dir("cli-renamed");
    std::ofstream(dir + "/fake.png") << "hello";
    std::string err;
    CHECK(run_command(scanfix_bin() + " run " + dir + "/fake.png", nullptr, &err) == 3);
    CHECK(err.find("fake.png") != std::string::npos);
    CHECK(line_count(err) == 1);
    fs::remove_all(dir);
}

TEST_CASE("an unknown language is exit code 5 with the language named") {
    std::string dir = scanfix::test::temp_dir("cli-lang");
    write_page(dir + "/p.png");
    std::string err;
    CHECK(run_command(scanfix_bin() + " run --lang xx " + dir + "/p.png", nullptr, &err) == 5);
    CHECK(err.find("'xx'") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a broken profile is exit code 4 with file and line") {
    std::string dir = scanfix::test::temp_dir("cli-profile");
    write_page(dir + "/p.png");
    std::ofstream(dir + "/bad.yaml") << "extends: default\nocr:\n  psm: 99\n";
    std::string err;
    CHECK(run_command(scanfix_bin() + " run --profile " + dir + "/bad.yaml " + dir + "/p.png",
                      nullptr, &err) == 4);
    CHECK(err.find("bad.yaml:3") != std::string::npos);
    std::ofstream(dir + "/typo.yaml") << "extends: default\nocr:\n  pssm: 3\n";
    CHECK(run_command(scanfix_bin() + " run --profile " + dir + "/typo.yaml " + dir + "/p.png",
                      nullptr, &err) == 4);
    CHECK(err.find("typo.yaml:3") != std::string::npos);
    CHECK(err.find("ocr.pssm") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("one bad input in a batch is reported and the others are written") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    std::string dir = scanfix::test::temp_dir("cli-batch");
    write_page(dir + "/good.png");
    std::ofstream(dir + "/bad.png") << "not an image";
    std::string err;
    int rc = run_command(scanfix_bin() + " run -o " + dir + "/out --lang eng " + dir +
                             "/good.png " + dir + "/bad.png",
                         nullptr, &err);
    CHECK(rc == 1);
    CHECK(err.find("bad.png") != std::string::npos);
    CHECK(fs::exists(dir + "/out/good.txt"));
    CHECK(!fs::exists(dir + "/out/bad.txt"));
    CHECK(scanfix::test::slurp(dir + "/out/good.txt").find("TEXT") != std::string::npos);
    for (const auto& e : fs::directory_iterator(dir + "/out"))
        CHECK(e.path().filename().string().find(".part") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("an output folder that is an input is refused") {
    std::string dir = scanfix::test::temp_dir("cli-out");
    write_page(dir + "/p.png");
    std::string err;
    CHECK(run_command(scanfix_bin() + " run -o " + dir + "/p.png " + dir + "/p.png", nullptr,
                      &err) == 3);
    CHECK(fs::exists(dir + "/p.png"));
    fs::remove_all(dir);
}
