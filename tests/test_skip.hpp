// Skipping a test that cannot run here (a Tesseract language, hunspell-ru, fonts, a tool or
// ../shared missing): SCANFIX_SKIP says why and returns, and the test executable then exits
// with kSkipExitCode, which ctest (SKIP_RETURN_CODE) reports as skipped, never as passed.
#pragma once

#include <catch2/catch.hpp>
#include <sstream>
#include <string>

namespace scanfix::test {

// The exit code of a test run in which a test skipped and none failed.
constexpr int kSkipExitCode = 77;

// Records that the running test skipped (the test main turns it into kSkipExitCode).
void mark_skipped(const std::string& reason);
// True when a test of this run has skipped.
bool any_skipped();

}  // namespace scanfix::test

// Ends the current TEST_CASE as skipped; `why` may be streamed like INFO ("lang " << l).
#define SCANFIX_SKIP(why)                                       \
    do {                                                        \
        std::ostringstream scanfix_skip_why_;                   \
        scanfix_skip_why_ << why;                               \
        WARN("SKIPPED: " << scanfix_skip_why_.str());           \
        ::scanfix::test::mark_skipped(scanfix_skip_why_.str()); \
        return;                                                 \
    } while (false)
