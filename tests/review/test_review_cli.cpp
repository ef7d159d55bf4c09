// The scanfix review command: refusals are one stderr line with the documented exit code, and a
// running server prints its address with the token on stdout and ends cleanly on SIGTERM.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "review_fixture.hpp"
#include "scanfix/core/error.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

std::string scanfix_binary() {
    return test::binary_dir() + "/tools/scanfix/scanfix";
}

size_t lines_of(const std::string& s) {
    return size_t(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("scanfix review: a missing or empty folder and a bad port are refused") {
    const std::string dir = test::temp_dir("review-cli");
    std::string err;
    CHECK(test::run_command(scanfix_binary() + " review '" + dir + "/none'", nullptr, &err) ==
          kExitInput);
    CHECK(err == "scanfix: " + dir + "/none: no such folder\n");
    CHECK(test::run_command(scanfix_binary() + " review '" + dir + "'", nullptr, &err) ==
          kExitInput);
    CHECK(err.find("holds no page model") != std::string::npos);
    CHECK(lines_of(err) == 1);
    auto f = test::make_review_folder("review-cli-pages");
    CHECK(test::run_command(scanfix_binary() + " review '" + f.out + "' --port 70000", nullptr,
                            &err) == kExitUsage);
    CHECK(test::run_command(scanfix_binary() + " review", nullptr, &err) == kExitUsage);
}

TEST_CASE("scanfix review prints its address with the token and stops on SIGTERM") {
    auto f = test::make_review_folder("review-cli-run");
    const std::string url_file = f.root + "/url.txt";
    // Start, wait for the address, stop (the API is tested in test_review_server).
    const std::string script = f.root + "/run.sh";
    std::ofstream(script) << "'" << scanfix_binary() << "' review '" << f.out << "' >'" << url_file
                          << "' &\npid=$!\nfor i in $(seq 100); do [ -s '" << url_file
                          << "' ] && break; sleep 0.1; done\nkill -TERM $pid\nwait $pid\n";
    std::string err;
    CHECK(test::run_command("bash '" + script + "'", nullptr, &err) == kExitOk);
    const std::string url = test::slurp(url_file);
    INFO(err);
    CHECK(url.rfind("http://127.0.0.1:", 0) == 0);
    const size_t token = url.find("/?token=");
    REQUIRE(token != std::string::npos);
    CHECK(url.size() - token - 8 == 33);  // 32 hexadecimal digits and the line end
    CHECK(err.find("3 page file(s)") != std::string::npos);
}
