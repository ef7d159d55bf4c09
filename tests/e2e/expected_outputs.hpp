// The regression mode of the end-to-end tests: outputs compared with the expected files kept in
// tests/e2e/expected/, which are rewritten only on request (SCANFIX_REGENERATE=1), with the
// difference shown whenever they change.
#pragma once

#include <string>

namespace scanfix::test {

// True when SCANFIX_REGENERATE=1: expected outputs are rewritten instead of compared.
bool regenerating();

struct ExpectedComparison {
    enum Outcome { Same, Differs, Missing, Rewritten } outcome = Same;
    std::string diff;  // `diff -u expected actual`, cut to a readable length; empty when Same
};

// Compares `actual` with the file `dir`/`name`; with `regenerate` a missing or different file
// is (re)written and the outcome is Rewritten.
ExpectedComparison compare_with_expected(const std::string& dir, const std::string& name,
                                         const std::string& actual, bool regenerate);

// compare_with_expected against tests/e2e/expected/: a missing or different file fails the
// running test with the diff; with SCANFIX_REGENERATE=1 it is rewritten and the diff reported as
// a warning.
void check_expected_output(const std::string& name, const std::string& actual);

}  // namespace scanfix::test
