// Word-level Unicode helpers for the correction stages (ICU character properties).
#include "word_shape.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace scanfix::correct {

bool is_letter(char32_t c) {
    if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    return u_isalpha(UChar32(c));
}

bool is_digit(char32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return u_isdigit(UChar32(c));
}

bool has_digit(std::u32string_view s) {
    for (char32_t c : s)
        if (is_digit(c)) return true;
    return false;
}

bool all_letters(std::u32string_view s) {
    if (s.empty()) return false;
    for (char32_t c : s)
        if (!is_letter(c)) return false;
    return true;
}

QuickScan quick_scan(std::string_view s) {
    QuickScan q;
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            if ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ++q.latin;
            q.digit = q.digit || (b >= '0' && b <= '9');
        } else if (b >= 0xD0 && b <= 0xD3 && i + 1 < s.size()) {
            unsigned char c = static_cast<unsigned char>(s[i + 1]);
            // U+0482..U+0489 are Cyrillic signs and combining marks, not letters.
            if (b == 0xD2 && c >= 0x82 && c <= 0x89) q.simple = false;
            ++q.cyrillic;
            ++i;
        } else {
            q.simple = false;
        }
    }
    return q;
}

namespace {
bool ascii_alnum(unsigned char b) {
    return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}
}  // namespace

TokenParts split_token(std::string_view token) {
    // Fast path: ASCII punctuation around an ASCII or Cyrillic word.
    size_t b = 0, e = token.size();
    auto byte = [&](size_t i) { return static_cast<unsigned char>(token[i]); };
    while (b < e && byte(b) < 0x80 && !ascii_alnum(byte(b))) ++b;
    while (e > b && byte(e - 1) < 0x80 && !ascii_alnum(byte(e - 1))) --e;
    bool clean_start =
        b == e || ascii_alnum(byte(b)) || (byte(b) >= 0xD0 && byte(b) <= 0xD1 && b + 1 < e);
    bool clean_end = b == e || ascii_alnum(byte(e - 1)) ||
                     (e - b >= 2 && byte(e - 2) >= 0xD0 && byte(e - 2) <= 0xD1 &&
                      byte(e - 1) >= 0x80 && byte(e - 1) <= 0xBF);
    if (clean_start && clean_end)
        return {std::string(token.substr(0, b)), std::string(token.substr(b, e - b)),
                std::string(token.substr(e))};
    std::u32string t = utf32_of(token);
    b = 0, e = t.size();
    while (b < e && !is_letter(t[b]) && !is_digit(t[b])) ++b;
    while (e > b && !is_letter(t[e - 1]) && !is_digit(t[e - 1])) --e;
    return {utf8_of(std::u32string_view(t).substr(0, b)),
            utf8_of(std::u32string_view(t).substr(b, e - b)),
            utf8_of(std::u32string_view(t).substr(e))};
}

CaseShape case_shape(std::u32string_view w) {
    size_t upper = 0, lower_count = 0, letters = 0;
    bool first_upper = false;
    for (char32_t c : w) {
        if (!is_letter(c)) continue;
        bool up = u_isupper(UChar32(c));
        bool lo = u_islower(UChar32(c));
        if (letters == 0) first_upper = up;
        upper += up;
        lower_count += lo;
        ++letters;
    }
    if (upper == 0) return CaseShape::Lower;
    if (letters == 1 || (first_upper && upper == 1)) return CaseShape::Title;
    if (lower_count == 0) return CaseShape::Upper;
    return CaseShape::Mixed;
}

std::u32string lower(std::u32string_view w) {
    std::u32string out(w);
    for (char32_t& c : out) c = char32_t(u_tolower(UChar32(c)));
    return out;
}

std::u32string apply_case(std::u32string_view w, CaseShape shape) {
    std::u32string out(w);
    if (shape == CaseShape::Upper) {
        for (char32_t& c : out) c = char32_t(u_toupper(UChar32(c)));
    } else if (shape == CaseShape::Title) {
        for (char32_t& c : out)
            if (is_letter(c)) {
                c = char32_t(u_totitle(UChar32(c)));
                break;
            }
    }
    return out;
}

bool is_line_hyphen(char32_t c) {
    return c == U'-' || c == U'\u00AC' || c == U'\u2010';
}

}  // namespace scanfix::correct
