// The scanfix clean command: input from a file or stdin, layouts, --keep-noise, --report,
// --encoding, --print-params, its errors (one stderr line, documented exit code) and its memory
// on long inputs.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "clean_cli_util.hpp"
#include "scanfix/core/error.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
const char* const kNoisy =
    "Начало письма, которое\n\n2.\n\n53 7/46\nЭкз. №.....\n\nаб\nвг\nде\nжз\n\n"
    "продолжается после шума.\n";

// temp_dir() empties its folder on each call: make it once for the whole file.
std::string write_temp(const std::string& name, const std::string& content) {
    static const std::string dir = temp_dir("clean");
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

// One line on stderr, starting with "scanfix:".
bool one_error_line(const std::string& err) {
    return err.rfind("scanfix: ", 0) == 0 && err.find('\n') == err.size() - 1;
}
}  // namespace

TEST_CASE("clean reads a file or stdin and writes the cleaned text to stdout") {
    std::string in = write_temp("noisy.txt", kNoisy);
    std::string out, err;
    REQUIRE(run_command(scanfix_binary() + " clean " + in, &out, &err) == kExitOk);
    CHECK(err.empty());
    CHECK(out.find("Начало письма, которое") != std::string::npos);
    CHECK(out.find("53 7/46") == std::string::npos);
    CHECK(out.find("Экз") == std::string::npos);
    CHECK(out.find("\nаб\n") == std::string::npos);
    CHECK(out.find("\n2.\n") == std::string::npos);

    std::string from_stdin;
    REQUIRE(run_command("(" + scanfix_binary() + " clean - <" + in + ")", &from_stdin) == 0);
    CHECK(from_stdin == out);
}

TEST_CASE("clean keeps line breaks in diplomatic layout and marks noise with --keep-noise") {
    std::string in = write_temp("noisy.txt", kNoisy);
    std::string out;
    REQUIRE(run_command(scanfix_binary() + " clean --layout diplomatic " + in, &out) == 0);
    CHECK(out == "Начало письма, которое\nпродолжается после шума.\n");
    REQUIRE(run_command(scanfix_binary() + " clean --keep-noise " + in, &out) == 0);
    CHECK(out.find("⟦53⟧ ⟦7/46⟧") != std::string::npos);
    CHECK(out.find("⟦аб⟧") != std::string::npos);
}

TEST_CASE("clean --report writes every removal as JSON") {
    std::string in = write_temp("noisy.txt", kNoisy);
    std::string report = temp_dir("report") + "/r.json";
    REQUIRE(run_command(scanfix_binary() + " clean --report " + report + " " + in) == 0);
    auto j = nlohmann::json::parse(slurp(report));
    CHECK(j["removed"].get<int>() >= 7);
    std::set<std::string> stages;
    for (const auto& e : j["entries"]) {
        stages.insert(e["stage"].get<std::string>());
        for (const char* key :
             {"page", "line", "word", "stage", "action", "reason", "before", "after"})
            CHECK(e.contains(key));
    }
    for (const char* s : {"margin_column", "page_number", "registration_number", "stamp"})
        CHECK(stages.count(s) == 1);
}

TEST_CASE("clean converts other encodings with --encoding") {
    // «Текст» in cp1251.
    std::string in = write_temp("cp1251.txt", "\xD2\xE5\xEA\xF1\xF2\n");
    std::string out, err;
    CHECK(run_command(scanfix_binary() + " clean " + in, &out, &err) == kExitInput);
    CHECK(one_error_line(err));
    CHECK(err.find("--encoding") != std::string::npos);
    REQUIRE(run_command(scanfix_binary() + " clean --encoding cp1251 " + in, &out) == 0);
    CHECK(out == "Текст\n");
}

TEST_CASE("clean reports errors in one line with the documented exit code") {
    std::string out, err;
    CHECK(run_command(scanfix_binary() + " clean /nonexistent/file.txt", &out, &err) == kExitInput);
    CHECK(one_error_line(err));
    CHECK(out.empty());

    std::string in = write_temp("t.txt", "текст\n");
    std::string profile =
        write_temp("broken.yaml", "extends: default\ncleanup:\n  stamp:\n    patterns: ['(']\n");
    CHECK(run_command(scanfix_binary() + " clean --profile " + profile + " " + in, &out, &err) ==
          kExitConfig);
    CHECK(one_error_line(err));
    CHECK(err.find("broken.yaml:4") != std::string::npos);

    CHECK(run_command(scanfix_binary() + " clean --layout sideways " + in, &out, &err) ==
          kExitUsage);
}

TEST_CASE("clean --print-params lists every cleanup parameter") {
    std::string out;
    REQUIRE(run_command(scanfix_binary() + " clean --print-params", &out) == 0);
    for (const char* key : {"cleanup.stages = [", "cleanup.margin_column.min_run = ",
                            "cleanup.stamp.patterns = [", "cleanup.page_number.pattern = "})
        CHECK(out.find(key) != std::string::npos);
}

namespace {
// Peak resident memory (bytes) of `scanfix clean FILE`, its output thrown away, measured by
// waiting for the process itself (wait4).
long peak_memory_of_clean(const std::string& file) {
    pid_t pid = ::fork();
    if (pid == 0) {
        int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::setenv("OMP_THREAD_LIMIT", "1", 1);
        std::string bin = scanfix_binary();
        ::execl(bin.c_str(), bin.c_str(), "clean", file.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    int status = 0;
    struct rusage usage {};
    REQUIRE(::wait4(pid, &status, 0, &usage) == pid);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    return usage.ru_maxrss * 1024L;
}
}  // namespace

TEST_CASE("clean holds many short lines in a small multiple of their size") {
#if defined(__SANITIZE_ADDRESS__)
    WARN("skipped: memory is not measured under AddressSanitizer (its shadow memory)");
    return;
#endif
    // Six million lines of two letters (18 MB): the page model of all of them at once took
    // about 200 times the text; a window at a time, the text itself dominates.
    std::string lines;
    lines.reserve(18'000'000);
    for (int i = 0; i < 6'000'000; ++i) lines += "ab\n";
    const std::string big = write_temp("short-lines.txt", lines);
    const long input = long(lines.size());
    lines = std::string();
    const long fixed = peak_memory_of_clean(write_temp("one-line.txt", "ab\n"));
    const long peak = peak_memory_of_clean(big);
    INFO("fixed " << fixed / 1e6 << " MB, with 18 MB of short lines " << peak / 1e6 << " MB");
    CHECK(peak - fixed < 5 * input);
    CHECK(peak < 10 * input);
}
