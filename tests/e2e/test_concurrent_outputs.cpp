// Several scanfix processes writing the same outputs at once (two batch runs into one -o, two
// users writing one report): each writes through its own temporary file, so none fails and
// the file left is one whole write, never a mixture or a truncated file.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "test_paths.hpp"

namespace fs = std::filesystem;
using scanfix::test::run_command;
using scanfix::test::slurp;

namespace {

std::string scanfix_bin() {
    return scanfix::test::binary_dir() + "/tools/scanfix/scanfix";
}

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
        scanfix_bin() + " clean --report " + dir + "/report.json " + dir + "/long.txt";
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
        dir, scanfix_bin() + " run --lang eng -o " + dir + "/out -f txt,json " + dir + "/scans", 2);
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
