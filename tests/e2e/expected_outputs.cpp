// Expected-output comparison for the end-to-end tests; see expected_outputs.hpp.
#include "expected_outputs.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_paths.hpp"

namespace fs = std::filesystem;

namespace scanfix::test {
namespace {

constexpr size_t kShownDiffLines = 120;

// `diff -u` of the two files, cut to kShownDiffLines lines.
std::string unified_diff(const fs::path& expected, const fs::path& actual) {
    std::string out;
    run_command("diff -u '" + expected.string() + "' '" + actual.string() + "'", &out);
    size_t end = 0;
    for (size_t lines = 0; lines < kShownDiffLines && end < out.size(); ++lines) {
        size_t nl = out.find('\n', end);
        end = nl == std::string::npos ? out.size() : nl + 1;
    }
    return end < out.size() ? out.substr(0, end) + "[... diff cut]\n" : out;
}

}  // namespace

bool regenerating() {
    const char* e = std::getenv("SCANFIX_REGENERATE");
    return e && std::string(e) == "1";
}

ExpectedComparison compare_with_expected(const std::string& dir, const std::string& name,
                                         const std::string& actual, bool regenerate) {
    fs::path expected = fs::path(dir) / name;
    bool exists = fs::exists(expected);
    if (exists && slurp(expected.string()) == actual) return {};
    fs::path scratch = temp_dir("expected");
    fs::path written = scratch / fs::path(name).filename();
    std::ofstream(written, std::ios::binary) << actual;
    ExpectedComparison c;
    c.outcome = exists ? ExpectedComparison::Differs : ExpectedComparison::Missing;
    c.diff = unified_diff(exists ? expected : fs::path("/dev/null"), written);
    if (regenerate) {
        fs::create_directories(expected.parent_path());
        fs::copy_file(written, expected, fs::copy_options::overwrite_existing);
        c.outcome = ExpectedComparison::Rewritten;
    }
    fs::remove_all(scratch);
    return c;
}

void check_expected_output(const std::string& name, const std::string& actual) {
    std::string dir = source_dir() + "/tests/e2e/expected";
    ExpectedComparison c = compare_with_expected(dir, name, actual, regenerating());
    if (c.outcome == ExpectedComparison::Rewritten)
        WARN("rewrote " << dir << "/" << name << ":\n" << c.diff);
    else if (c.outcome == ExpectedComparison::Differs)
        FAIL_CHECK(name << " differs from the expected output (SCANFIX_REGENERATE=1 rewrites "
                           "tests/e2e/expected/ when the change is meant):\n"
                        << c.diff);
    else if (c.outcome == ExpectedComparison::Missing)
        FAIL_CHECK("no expected output " << dir << "/" << name
                                         << " (SCANFIX_REGENERATE=1 writes it)");
}

}  // namespace scanfix::test
