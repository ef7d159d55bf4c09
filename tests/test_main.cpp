// Catch2's main for every scanfix test executable: a run in which some test skipped
// (SCANFIX_SKIP) and none failed exits with kSkipExitCode, so ctest shows it as skipped.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <iostream>

#include "test_skip.hpp"

namespace scanfix::test {
namespace {
bool g_skipped = false;
}

void mark_skipped(const std::string& reason) {
    g_skipped = true;
    std::cout << "scanfix test skipped: " << reason << std::endl;
}

bool any_skipped() {
    return g_skipped;
}

}  // namespace scanfix::test

int main(int argc, char* argv[]) {
    int failed = Catch::Session().run(argc, argv);
    if (failed == 0 && scanfix::test::any_skipped()) return scanfix::test::kSkipExitCode;
    return failed;
}
