// UTF-8 ⇄ UTF-32 for tests that compare texts code point by code point (through ICU, so every
// test converts the same, correct way).
#pragma once

#include <string>

namespace scanfix::test {

std::u32string utf32_of(const std::string& utf8);
std::string utf8_of(const std::u32string& utf32);

}  // namespace scanfix::test
