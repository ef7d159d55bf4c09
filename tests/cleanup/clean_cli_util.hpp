// Running the scanfix binary from the clean command tests, and the code points of a text with
// white space folded (for searching sentences in the output).
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

}  // namespace scanfix::test
