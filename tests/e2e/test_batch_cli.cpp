// scanfix run as a batch (-o): folders, PDFs and every output format (ALTO and PAGE validated
// against the official schemas in ../shared/schemas, hOCR against the XHTML DTD and the hOCR
// specification; nothing fetched), mirrored outputs, refusals, a killed run resumed, a
// run stopped by SIGTERM, shards run by GNU parallel, a full disk, and several processes
// writing the same outputs at once (each through its own temporary file: none fails, the file
// left is one whole write).
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>
#include <set>

#include "hocr_check.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"
#include "test_pdf.hpp"
#include "test_skip.hpp"
#include "xml_validation.hpp"

namespace fs = std::filesystem;
using scanfix::test::run_command;
using scanfix::test::slurp;

namespace {

std::string bin() {
    return scanfix::test::binary_dir() + "/tools/scanfix/scanfix";
}

cv::Mat text_page(const std::string& text) {
    cv::Mat m(300, 1200, CV_8UC1, cv::Scalar(255));
    cv::putText(m, text, {60, 160}, cv::FONT_HERSHEY_SIMPLEX, 2.2, cv::Scalar(0), 5);
    return m;
}

void write_page(const fs::path& path, const std::string& text = "PLAIN TEXT LINE") {
    fs::create_directories(path.parent_path());
    cv::imwrite(path.string(), text_page(text));
}

// Files below `dir` (relative, generic form) whose name ends with `suffix`.
std::set<std::string> files_below(const fs::path& dir, const std::string& suffix = "") {
    std::set<std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.insert(e.path().lexically_relative(dir).generic_string());
    }
    return out;
}

bool have(const std::string& tool) {
    return run_command("command -v " + tool) == 0;
}

// The pages a run's log lines report as done ("scanfix: [i/n] <page>: done in ...").
std::vector<std::string> pages_done(const std::string& log) {
    std::vector<std::string> out;
    static const std::regex line(R"(scanfix: \[\d+/\d+\] (.*): done in)");
    for (std::sregex_iterator it(log.begin(), log.end(), line), end; it != end; ++it)
        out.push_back((*it)[1].str());
    return out;
}

}  // namespace

TEST_CASE("a batch writes every format for every page and the XML validates", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    fs::path dir = scanfix::test::temp_dir("batch-formats");
    write_page(dir / "in/letter.png");
    scanfix::test::write_test_pdf(
        (dir / "in/file.pdf").string(),
        {{text_page("FIRST PAGE"), 300}, {text_page("SECOND PAGE"), 300}});
    std::string err;
    int rc = run_command(bin() + " run --lang eng -j2 -f txt,hocr,alto,page,json -o " +
                             (dir / "out").string() + " " + (dir / "in").string(),
                         nullptr, &err);
    REQUIRE(rc == 0);
    for (const char* stem : {"letter", "file-p0001", "file-p0002"})
        for (const char* ext : {".txt", ".hocr", ".alto.xml", ".page.xml", ".json"})
            CHECK(fs::exists(dir / "out" / (std::string(stem) + ext)));
    CHECK(slurp((dir / "out/letter.txt").string()).find("TEXT") != std::string::npos);
    CHECK(slurp((dir / "out/file-p0001.txt").string()).find("FIRST") != std::string::npos);
    CHECK(slurp((dir / "out/file-p0002.txt").string()).find("SECOND") != std::string::npos);
    CHECK(files_below(dir / "out", ".part").empty());
    for (const std::string& f : files_below(dir / "out", ".json")) {
        nlohmann::json j;
        CHECK_NOTHROW(j = nlohmann::json::parse(slurp((dir / "out" / f).string())));
        // Each page carries its label-free quality estimate.
        CHECK(j["pages"][0]["quality"]["score"].is_number());
    }
    // The summary names the pages to proofread first.
    CHECK(err.find("estimated quality: median") != std::string::npos);

    std::string out = (dir / "out").string();
    for (const std::string& f : files_below(dir / "out", ".hocr")) {
        std::vector<std::string> problems = scanfix::test::hocr_problems(slurp(out + "/" + f));
        INFO(f << ": " << (problems.empty() ? "" : problems.front()));
        CHECK(problems.empty());
    }
    if (std::string why = scanfix::test::schema_validation_unavailable(); !why.empty()) {
        fs::remove_all(dir);
        SCANFIX_SKIP(why);
    }
    std::string alto_err = scanfix::test::alto_schema_errors(out + "/*.alto.xml");
    INFO(alto_err);
    CHECK(alto_err.empty());
    std::string page_err = scanfix::test::page_schema_errors(out + "/*.page.xml");
    INFO(page_err);
    CHECK(page_err.empty());
    // hOCR is XHTML 1.0 Transitional: validated against the W3C DTD from the local XML catalog.
    if (std::string why = scanfix::test::xhtml_validation_unavailable(); !why.empty()) {
        fs::remove_all(dir);
        SCANFIX_SKIP(why);
    }
    std::string hocr_err = scanfix::test::xhtml_dtd_errors(out + "/*.hocr");
    INFO(hocr_err);
    CHECK(hocr_err.empty());
    fs::remove_all(dir);
}

TEST_CASE("same file names in different folders get mirrored outputs", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    fs::path dir = scanfix::test::temp_dir("batch-mirror");
    write_page(dir / "box1/p.png");
    write_page(dir / "box2/sub/p.png");
    REQUIRE(run_command(bin() + " run --lang eng -o " + (dir / "out").string() + " " +
                        (dir / "box1").string() + " " + (dir / "box2").string()) == 0);
    CHECK(files_below(dir / "out") == std::set<std::string>{"box1/p.txt", "box2/sub/p.txt"});
    fs::remove_all(dir);
}

TEST_CASE("inputs that would overwrite each other, or an output at an input, are refused",
          "[batch]") {
    fs::path dir = scanfix::test::temp_dir("batch-refuse");
    write_page(dir / "in/p.png");
    write_page(dir / "in/p.tif");
    std::string err;
    CHECK(run_command(
              bin() + " run --lang eng -o " + (dir / "out").string() + " " + (dir / "in").string(),
              nullptr, &err) == 3);
    CHECK(err.find("p.png") != std::string::npos);
    CHECK(err.find("p.tif") != std::string::npos);
    CHECK(files_below(dir / "out").empty());
    fs::remove(dir / "in/p.tif");
    CHECK(run_command(
              bin() + " run --lang eng -o " + (dir / "in").string() + " " + (dir / "in").string(),
              nullptr, &err) == 3);
    CHECK(err.find("output folder is one of the inputs") != std::string::npos);
    CHECK(run_command(bin() + " run --resume " + (dir / "in/p.png").string(), nullptr, &err) == 2);
    fs::remove_all(dir);
}

TEST_CASE("a killed run resumed redoes only the unfinished pages", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    fs::path dir = scanfix::test::temp_dir("batch-kill");
    const int kPages = 6;
    for (int i = 0; i < kPages; ++i)
        write_page(dir / "in" / ("page" + std::to_string(i) + ".png"),
                   "PAGE NUMBER " + std::to_string(i));
    std::string out = (dir / "out").string();
    std::string cmd = bin() + " run --lang eng -j1 -o " + out + " " + (dir / "in").string();
    // Kill -9 (no chance to clean up) once two pages are finished.
    run_command("sh -c '" + cmd +
                " 2>/dev/null & p=$!; i=0; "
                "while [ $(ls " +
                out +
                "/*.txt 2>/dev/null | wc -l) -lt 2 ] && [ $i -lt 1200 ]; "
                "do sleep 0.05; i=$((i+1)); done; kill -9 $p; wait $p; true'");
    std::set<std::string> before = files_below(out, ".txt");
    if (before.size() >= size_t(kPages) || before.empty()) {
        fs::remove_all(dir);
        SCANFIX_SKIP("the run was not caught mid-way (" << before.size() << " pages done)");
    }
    std::map<std::string, fs::file_time_type> stamps;
    for (const std::string& f : before) stamps[f] = fs::last_write_time(fs::path(out) / f);

    std::string err;
    REQUIRE(run_command(cmd + " --resume", nullptr, &err) == 0);
    std::vector<std::string> redone = pages_done(err);
    CHECK(redone.size() == kPages - before.size());
    for (const std::string& page : redone)
        CHECK(before.count(fs::path(page).stem().string() + ".txt") == 0);
    CHECK(err.find(std::to_string(before.size()) + " already done (skipped)") != std::string::npos);
    CHECK(files_below(out, ".txt").size() == size_t(kPages));
    CHECK(files_below(out, ".part").empty());
    for (const auto& [f, t] : stamps) CHECK(fs::last_write_time(fs::path(out) / f) == t);
    fs::remove_all(dir);
}

TEST_CASE("SIGTERM finishes the pages in flight and exits with a summary", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    fs::path dir = scanfix::test::temp_dir("batch-term");
    const int kPages = 8;
    for (int i = 0; i < kPages; ++i) write_page(dir / "in" / ("p" + std::to_string(i) + ".png"));
    std::string out = (dir / "out").string();
    std::string cmd =
        bin() + " run --lang eng -j2 -f txt,alto,json -o " + out + " " + (dir / "in").string();
    std::string log = (dir / "log").string();
    int rc = run_command("sh -c '" + cmd + " 2>" + log +
                         " & p=$!; i=0; "
                         "while [ $(ls " +
                         out +
                         "/*.json 2>/dev/null | wc -l) -lt 1 ] && [ $i -lt 1200 ]; "
                         "do sleep 0.05; i=$((i+1)); done; kill -TERM $p; wait $p'");
    std::string err = slurp(log);
    std::set<std::string> txt = files_below(out, ".txt");
    if (txt.size() == size_t(kPages)) {
        fs::remove_all(dir);
        SCANFIX_SKIP("the run finished before the signal");
    }
    CHECK(rc == 128 + 15);
    CHECK(err.find("interrupted") != std::string::npos);
    CHECK(err.find("--resume") != std::string::npos);
    // Never half a page: each page has all its outputs or none, and no temporary files remain.
    for (int i = 0; i < kPages; ++i) {
        std::string s = "p" + std::to_string(i);
        bool t = fs::exists(fs::path(out) / (s + ".txt"));
        CHECK(fs::exists(fs::path(out) / (s + ".alto.xml")) == t);
        CHECK(fs::exists(fs::path(out) / (s + ".json")) == t);
    }
    CHECK(files_below(out, ".part").empty());
    fs::remove_all(dir);
}

TEST_CASE("shards run by GNU parallel do every page exactly once", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    if (!have("parallel")) {
        SCANFIX_SKIP("GNU parallel is not installed");
    }
    fs::path dir = scanfix::test::temp_dir("batch-shard");
    const int kFiles = 7, kShards = 3;
    std::ofstream manifest(dir / "manifest.txt");
    for (int i = 0; i < kFiles; ++i) {
        fs::path p =
            dir / "in" / ("box" + std::to_string(i % 2)) / ("f" + std::to_string(i) + ".png");
        write_page(p);
        manifest << p.string() << "\n";
    }
    manifest.close();
    std::string out = (dir / "out").string(), logs = (dir / "logs").string();
    fs::create_directories(logs);
    REQUIRE(run_command("parallel --will-cite -j2 '" + bin() + " run --lang eng --manifest " +
                        (dir / "manifest.txt").string() + " --shard {}/" + std::to_string(kShards) +
                        " -o " + out + " 2>" + logs + "/shard{}.log' ::: 0 1 2") == 0);
    std::multiset<std::string> done;
    size_t shards_with_work = 0;
    for (int k = 0; k < kShards; ++k) {
        auto pages = pages_done(slurp(logs + "/shard" + std::to_string(k) + ".log"));
        shards_with_work += !pages.empty();
        done.insert(pages.begin(), pages.end());
    }
    CHECK(shards_with_work == size_t(kShards));
    CHECK(done.size() == size_t(kFiles));
    CHECK(std::set<std::string>(done.begin(), done.end()).size() == size_t(kFiles));
    // The union of the shards is the whole run: the same outputs as one unsharded run.
    std::set<std::string> expected;
    for (int i = 0; i < kFiles; ++i)
        expected.insert("box" + std::to_string(i % 2) + "/f" + std::to_string(i) + ".txt");
    CHECK(files_below(out) == expected);
    fs::remove_all(dir);
}

TEST_CASE("a full disk is reported as such and stops the batch", "[batch]") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    fs::path dir = scanfix::test::temp_dir("batch-full");
    fs::path disk = dir / "disk";
    fs::create_directories(disk);
    if (::geteuid() != 0 || run_command("mount -t tmpfs -o size=12k tmpfs " + disk.string()) != 0) {
        fs::remove_all(dir);
        SCANFIX_SKIP("cannot mount a small tmpfs to fill (needs root)");
    }
    for (int i = 0; i < 4; ++i) write_page(dir / "in" / ("p" + std::to_string(i) + ".png"));
    std::string err;
    int rc = run_command(bin() + " run --lang eng -f txt,hocr,alto,page,json -o " +
                             (disk / "out").string() + " " + (dir / "in").string(),
                         nullptr, &err);
    std::set<std::string> parts = files_below(disk, ".part");
    run_command("umount " + disk.string());
    CHECK(rc == 1);
    CHECK(err.find("stopped: no space left on device") != std::string::npos);
    CHECK(parts.empty());
    fs::remove_all(dir);
}

namespace {

// `count` copies of `command` started together; returns their exit codes and stderr.
std::vector<std::pair<int, std::string>> run_together(const std::string& dir,
                                                      const std::string& command, int count) {
    std::string script;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        script += "( " + command + " >/dev/null 2>" + dir + "/err" + n + "; echo $? >" + dir +
                  "/rc" + n + " ) & ";
    }
    run_command(script + "wait");
    std::vector<std::pair<int, std::string>> results;
    for (int i = 0; i < count; ++i) {
        const std::string n = std::to_string(i);
        std::string rc = slurp(dir + "/rc" + n);
        results.emplace_back(rc.empty() ? -1 : std::stoi(rc), slurp(dir + "/err" + n));
        fs::remove(dir + "/rc" + n);
        fs::remove(dir + "/err" + n);
    }
    return results;
}

bool no_temporary_files(const std::string& dir) {
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.path().extension() == ".part") return false;
    return true;
}

}  // namespace

TEST_CASE("concurrent runs writing one report all succeed and leave one whole report") {
    const std::string dir = scanfix::test::temp_dir("concurrent-report");
    std::string text;
    const std::string seed = slurp(scanfix::test::source_dir() + "/tests/data/seed.gt.txt");
    REQUIRE(!seed.empty());
    for (int i = 0; i < 40; ++i) text += seed + "\n53 7/46\nЭкз. №.....\n\n";
    std::ofstream(dir + "/long.txt") << text;
    const std::string command =
        bin() + " clean --report " + dir + "/report.json " + dir + "/long.txt";
    REQUIRE(run_command(command) == 0);
    const std::string alone = slurp(dir + "/report.json");
    CHECK(nlohmann::json::parse(alone)["removed"].get<int>() > 0);
    for (int round = 0; round < 3; ++round) {
        auto results = run_together(dir, command, 6);
        for (const auto& [rc, err] : results) {
            INFO(err);
            CHECK(rc == 0);
        }
        CHECK(slurp(dir + "/report.json") == alone);
        CHECK(no_temporary_files(dir));
    }
    fs::remove_all(dir);
}

TEST_CASE("two batch runs into the same output folder both finish every page") {
    const std::string dir = scanfix::test::temp_dir("concurrent-batch");
    fs::create_directories(dir + "/scans");
    for (int i = 0; i < 4; ++i)
        cv::imwrite(dir + "/scans/page-" + std::to_string(i) + ".png",
                    cv::Mat(120, 160, CV_8UC1, cv::Scalar(255)));
    auto results = run_together(
        dir, bin() + " run --lang eng -o " + dir + "/out -f txt,json " + dir + "/scans", 2);
    for (const auto& [rc, err] : results) {
        if (rc == 5) {
            WARN("skipped: Tesseract language eng is not installed");
            fs::remove_all(dir);
            return;
        }
        INFO(err);
        CHECK(rc == 0);
    }
    for (int i = 0; i < 4; ++i) {
        const std::string stem = dir + "/out/page-" + std::to_string(i);
        CHECK(fs::exists(stem + ".txt"));
        CHECK_NOTHROW(nlohmann::json::parse(slurp(stem + ".json")));
    }
    CHECK(no_temporary_files(dir));
    fs::remove_all(dir);
}
