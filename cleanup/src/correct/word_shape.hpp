// Word-level Unicode helpers the correction stages share: splitting a token into its
// surrounding punctuation and its word, code-point strings, and the case pattern a
// replacement must keep (ИХЕНЬЯНА stays all capitals, Ихеньяна stays title case).
#pragma once

#include <string>
#include <string_view>

#include "scanfix/core/text.hpp"

namespace scanfix::correct {

// A token as written on the page: "«Пхеньяна»," = lead "«", core "Пхеньяна", trail "»,".
// The core runs from the first to the last letter or digit, so inner hyphens stay in it
// and a line-end hyphen («пере-») goes to the trail.
struct TokenParts {
    std::string lead, core, trail;
};
TokenParts split_token(std::string_view token);

// A byte-level look at a UTF-8 word, cheap enough to run on every word of a long document:
// how many Latin (ASCII) and Cyrillic (U+0400–U+04FF) letters it has, and whether it holds
// nothing else but ASCII. A `simple` word is NFC already and has no letters of other scripts.
struct QuickScan {
    int latin = 0, cyrillic = 0;
    bool simple = true;  // only ASCII and Cyrillic letters of U+0400–U+04FF
    bool digit = false;
};
QuickScan quick_scan(std::string_view word);

bool is_letter(char32_t c);
bool is_digit(char32_t c);
bool has_digit(std::u32string_view text);
// True when every code point is a letter (no digits, no punctuation, no hyphen).
bool all_letters(std::u32string_view text);

enum class CaseShape { Lower, Upper, Title, Mixed };
// The case pattern of a word's letters; a single capital counts as Title.
CaseShape case_shape(std::u32string_view word);
std::u32string lower(std::u32string_view word);
// Gives `lower_word` the case pattern `shape` (Mixed leaves it lower case).
std::u32string apply_case(std::u32string_view lower_word, CaseShape shape);

// True for the hyphens a typist ends a line with: '-', '¬' and U+2010.
bool is_line_hyphen(char32_t c);

}  // namespace scanfix::correct
