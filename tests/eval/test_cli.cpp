// The scanfix eval command end to end: JSON output, the --max-cer gate, exit codes for bad
// input, folders with missing partners, and the HTML report rendered by headless Chromium.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "scanfix/eval/report_text.hpp"
#include "test_paths.hpp"
#include "test_skip.hpp"

using namespace scanfix;

namespace {

std::string scanfix_binary() {
    return test::binary_dir() + "/tools/scanfix/scanfix";
}

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

std::string quoted(const std::string& s) {
    return "'" + s + "'";
}

int run_eval(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
    return test::run_command(scanfix_binary() + " eval " + args, out, err);
}

}  // namespace

TEST_CASE("eval: scanfix eval prints JSON with fractions and counts") {
    std::string dir = test::temp_dir("eval-cli-json");
    write(dir + "/ref.txt", "Совершенно секретно\r\nШтыков");
    write(dir + "/hyp.txt", "Совершенно секретно\nШтыкоз");
    std::string out, err;
    REQUIRE(run_eval("--json " + quoted(dir + "/ref.txt") + " " + quoted(dir + "/hyp.txt"), &out,
                     &err) == 0);
    auto j = nlohmann::json::parse(out);
    CHECK(j["cer"].get<double>() == Approx(1.0 / 26));
    CHECK(j["wer"].get<double>() == Approx(1.0 / 3));
    CHECK(j["substitutions"].get<int>() == 1);
    CHECK(j["reference_length"].get<int>() == 26);
    CHECK(j["pages"].size() == 1);
}

TEST_CASE("eval: the --max-cer gate fails the run only when the total CER is above it") {
    std::string dir = test::temp_dir("eval-cli-gate");
    write(dir + "/ref.txt", "abcdefghij");
    write(dir + "/hyp.txt", "abcdefghiX");  // CER 10%
    std::string files = quoted(dir + "/ref.txt") + " " + quoted(dir + "/hyp.txt");
    std::string err;
    CHECK(run_eval("--max-cer 0.2 " + files) == 0);
    CHECK(run_eval("--max-cer 10% " + files) == 0);
    CHECK(run_eval("--max-cer 0.05 " + files, nullptr, &err) == 1);
    CHECK(err.find("exceeds") != std::string::npos);
    CHECK(run_eval("--max-cer 9.5% " + files) == 1);
    CHECK(run_eval("--max-cer lots " + files) != 0);
}

TEST_CASE("eval: invalid UTF-8 and unknown normalisations give clear errors and exit codes") {
    std::string dir = test::temp_dir("eval-cli-bad");
    write(dir + "/ref.txt", "abc");
    write(dir + "/hyp.txt", "ab\xE0\x80");
    std::string err;
    CHECK(run_eval(quoted(dir + "/ref.txt") + " " + quoted(dir + "/hyp.txt"), nullptr, &err) == 3);
    CHECK(err.find("UTF-8") != std::string::npos);
    CHECK(err.find("hyp.txt") != std::string::npos);
    CHECK(run_eval(
              "--normalize shouting " + quoted(dir + "/ref.txt") + " " + quoted(dir + "/ref.txt"),
              nullptr, &err) == 4);
    CHECK(err.find("shouting") != std::string::npos);
}

TEST_CASE("eval: folders: pages without hypothesis are reported and fail unless allowed") {
    std::string dir = test::temp_dir("eval-cli-dirs");
    write(dir + "/ref/page-01.gt.txt", "один два");
    write(dir + "/ref/page-02.gt.txt", "три");
    write(dir + "/hyp/page-01.txt", "один два");
    std::string out, err;
    std::string dirs = quoted(dir + "/ref") + " " + quoted(dir + "/hyp");
    CHECK(run_eval(dirs, &out, &err) == 1);
    CHECK(err.find("page-02.gt.txt") != std::string::npos);
    CHECK(out.find("page-02.gt.txt") != std::string::npos);
    CHECK(run_eval("--allow-missing --json " + dirs, &out, &err) == 0);
    auto j = nlohmann::json::parse(out);
    CHECK(j["missing_hypotheses"].size() == 1);
    CHECK(j["cer"].get<double>() == 0.0);
}

TEST_CASE("eval: the HTML report renders in headless Chromium without script errors") {
    const std::string chromium = "/usr/bin/chromium";
    if (!std::filesystem::exists(chromium)) {
        SCANFIX_SKIP("/usr/bin/chromium not installed (package chromium)");
    }
    std::string dir = test::temp_dir("eval-cli-html");
    write(dir + "/ref/p1.txt", "Совершенно секретно\nИ в Москве <тоже> & всё");
    write(dir + "/hyp/p1.txt", "Совершенно секретно\nП в Москве <тоже> & все");
    write(dir + "/ref/p2.txt", "Штыков\nПхеньян");
    write(dir + "/hyp/p2.txt", "Штыкоз Пхеньян ⟦12⟧");
    std::string json;
    REQUIRE(run_eval("--json --html " + quoted(dir + "/report.html") + " " + quoted(dir + "/ref") +
                         " " + quoted(dir + "/hyp"),
                     &json) == 0);
    double cer = nlohmann::json::parse(json)["cer"].get<double>();

    std::string html = test::slurp(dir + "/report.html");
    CHECK(html.find("http://") == std::string::npos);  // self-contained: no external assets
    CHECK(html.find("https://") == std::string::npos);

    std::string dom, err;
    int status = test::run_command(
        "timeout 120 " + chromium +
            " --headless --no-sandbox --disable-gpu --disable-background-networking"
            " --disable-component-update --disable-sync --no-first-run --user-data-dir=" +
            quoted(dir + "/profile") + " --dump-dom " + quoted("file://" + dir + "/report.html"),
        &dom, &err);
    REQUIRE(status == 0);
    INFO(dom.substr(0, 2000));
    CHECK(dom.find("data-ok=\"1\"") != std::string::npos);
    CHECK(dom.find("data-script-error=") == std::string::npos);  // set by the error catcher
    CHECK(dom.find("data-total-cer=\"" + eval::format_percent(cer) + "\"") != std::string::npos);
    CHECK(dom.find("data-pages=\"2\"") != std::string::npos);
    CHECK(dom.find("&lt;тоже&gt;") != std::string::npos);  // text escaped, not markup
    CHECK(dom.find("id=\"confusions\"") != std::string::npos);
    CHECK(dom.find("id=\"attribution\"") != std::string::npos);
}
