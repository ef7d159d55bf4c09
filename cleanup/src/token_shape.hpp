// What a token looks like, independent of any language: letters, digits, punctuation, scripts.
// The filters use these shapes (a number, a row of dots, a speck, a garbled word) together with
// line structure and geometry; nothing here knows words of any document.
#pragma once

#include <string>
#include <string_view>

namespace scanfix::shape {

struct TokenShape {
    int letters = 0;
    int digits = 0;
    int others = 0;            // punctuation, symbols
    int scripts = 0;           // number of distinct letter scripts (Latin, Cyrillic, ...)
    bool first_lower = false;  // first letter is lower case
    bool first_upper = false;
};

TokenShape shape_of(std::string_view token);
// A hyphen, a dash or a minus sign (U+2010..2015, U+2212).
bool is_dash(char32_t c);

// The token without transcription markup around it (~~struck~~, *emphasis*, _underline_).
std::string_view strip_markup(std::string_view token);

// A number as registration and cypher stamps write it: 520745, 7/46, 55-115, №12, 21,
// or a number sign on its own (№, N, No).
bool is_number_token(std::string_view token);
// A Roman numeral (III, XII) as archive signatures use beside numbers.
bool is_roman_numeral(std::string_view token);
// A date written with digits only: 15.05.49, 1.2.1949.
bool is_numeric_date(std::string_view token);
// Only letters (1..max_letters of them), maybe closed by one punctuation mark.
bool is_short_letter_token(std::string_view token, int max_letters);
// No letter or digit and made of specks (·, |, ~, ^, ', .,) rather than meaningful punctuation
// a typist writes on its own (a dash, quotes, brackets, an ellipsis).
bool is_speck(std::string_view token);
// No letter or digit at all.
bool is_punctuation_only(std::string_view token);
// Letters broken up by symbols, digits inside letters, letters of several scripts mixed with
// symbols: what handwriting looks like after OCR.
bool looks_garbled(std::string_view token);
// Ends with a run of at least `min_run` fill-in dots or underscores ("№.....", "____"); a run
// of dots no longer than an ellipsis ("...", "…") is none.
bool ends_with_fill_in(std::string_view token, int min_run);

// The line's last visible character closes a sentence (. ! ? :), ignoring closing quotes.
bool ends_sentence(std::string_view text);
// The first letter of the text is lower case.
bool starts_lower(std::string_view text);
// The text ends with a line-end hyphen.
bool ends_with_hyphen(std::string_view text);

}  // namespace scanfix::shape
