// Running the scanfix binary from the clean command tests, and a plain character error rate
// used until the eval module's CER can be linked here.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "test_paths.hpp"

namespace scanfix::test {

inline std::string scanfix_binary() {
    return binary_dir() + "/tools/scanfix/scanfix";
}

// The code points of `s` with white-space runs collapsed to one space and the ends trimmed.
std::u32string normalized_code_points(const std::string& s);
// Levenshtein distance over code points divided by the reference length.
double character_error_rate(const std::string& hypothesis, const std::string& reference);

}  // namespace scanfix::test
