// Regression mode on the committed samples: the text and ALTO that scanfix run writes for each
// sample must equal tests/e2e/expected/ (SCANFIX_REGENERATE=1 rewrites them and shows the
// diff); any change in preprocessing, recognition, cleanup or output shows up as a diff here.
#include <catch2/catch.hpp>
#include <filesystem>

#include "expected_outputs.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

TEST_CASE("scanfix run writes the expected text and ALTO for every sample", "[e2e]") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    fs::path samples = fs::path(test::source_dir()) / "samples";
    std::vector<std::string> stems;
    std::string inputs;
    for (const auto& e : fs::directory_iterator(samples))
        if (e.path().extension() == ".jpg") {
            stems.push_back(e.path().stem().string());
            inputs += " '" + e.path().string() + "'";
        }
    std::sort(stems.begin(), stems.end());
    REQUIRE(stems.size() >= 3);
    std::string out = test::temp_dir("regression");
    std::string err;
    int rc = test::run_command(
        test::binary_dir() + "/tools/scanfix/scanfix run -j1 -f txt,alto -o '" + out + "'" + inputs,
        nullptr, &err);
    INFO(err);
    REQUIRE(rc == 0);
    for (const std::string& stem : stems)
        for (const char* ext : {".txt", ".alto.xml"}) {
            INFO(stem << ext);
            REQUIRE(fs::exists(out + "/" + stem + ext));
            test::check_expected_output(stem + ext, test::slurp(out + "/" + stem + ext));
        }
    fs::remove_all(out);
}

TEST_CASE("the regression mode tells a change with a diff, and rewrites only on request") {
    std::string dir = test::temp_dir("regression-self");
    using C = test::ExpectedComparison;
    auto c = test::compare_with_expected(dir, "page.txt", "line one\nline two\n", false);
    CHECK(c.outcome == C::Missing);
    CHECK_FALSE(std::filesystem::exists(dir + "/page.txt"));  // not written unasked
    c = test::compare_with_expected(dir, "page.txt", "line one\nline two\n", true);
    CHECK(c.outcome == C::Rewritten);
    CHECK(test::slurp(dir + "/page.txt") == "line one\nline two\n");
    c = test::compare_with_expected(dir, "page.txt", "line one\nline two\n", false);
    CHECK(c.outcome == C::Same);
    CHECK(c.diff.empty());
    c = test::compare_with_expected(dir, "page.txt", "line one\nline 2\n", false);
    CHECK(c.outcome == C::Differs);
    CHECK(c.diff.find("-line two") != std::string::npos);
    CHECK(c.diff.find("+line 2") != std::string::npos);
    CHECK(test::slurp(dir + "/page.txt") == "line one\nline two\n");  // unchanged
    c = test::compare_with_expected(dir, "page.txt", "line one\nline 2\n", true);
    CHECK(c.outcome == C::Rewritten);
    CHECK(c.diff.find("+line 2") != std::string::npos);
    CHECK(test::slurp(dir + "/page.txt") == "line one\nline 2\n");
    std::filesystem::remove_all(dir);
}
