// Language-independent token shapes with ICU character properties (see token_shape.hpp).
#include "token_shape.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <vector>

#include "scanfix/core/text.hpp"

namespace scanfix::shape {
namespace {

// Calls fn(code point) for each code point of a UTF-8 string; malformed bytes give U+FFFD.
template <class Fn>
void for_each_cp(std::string_view s, Fn fn) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = int32_t(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;
        fn(c);
    }
}

bool is_fill(UChar32 c) {
    return c == '.' || c == '_' || c == 0x2026;
}

// Marks that stand for a number sign in stamps, as typed or as OCR renders "№".
bool is_number_sign(std::u32string_view t) {
    return t == U"№" || t == U"N" || t == U"No" || t == U"Nr" || t == U"Nо" || t == U"#";
}

}  // namespace

bool is_dash(char32_t c) {
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

TokenShape shape_of(std::string_view token) {
    TokenShape t;
    UScriptCode seen[4];
    bool first_letter = true;
    for_each_cp(token, [&](UChar32 c) {
        if (u_isalpha(c)) {
            ++t.letters;
            if (first_letter) {
                t.first_lower = u_islower(c);
                t.first_upper = u_isupper(c);
                first_letter = false;
            }
            UErrorCode err = U_ZERO_ERROR;
            UScriptCode sc = uscript_getScript(c, &err);
            bool known = false;
            for (int i = 0; i < t.scripts && i < 4; ++i) known = known || seen[i] == sc;
            if (!known && t.scripts < 4) seen[t.scripts++] = sc;
        } else if (u_isdigit(c)) {
            ++t.digits;
        } else {
            ++t.others;
        }
    });
    return t;
}

std::string_view strip_markup(std::string_view token) {
    auto markup = [](char c) { return c == '~' || c == '*' || c == '_' || c == '`'; };
    while (!token.empty() && markup(token.front())) token.remove_prefix(1);
    while (!token.empty() && markup(token.back())) token.remove_suffix(1);
    return token;
}

bool is_number_token(std::string_view token) {
    std::u32string t = utf32_of(strip_markup(token));
    while (!t.empty() && (t.back() == '.' || t.back() == ',' || t.back() == ';' ||
                          t.back() == ':' || t.back() == ')'))
        t.pop_back();
    while (!t.empty() && t.front() == '(') t.erase(0, 1);
    if (t.empty()) return false;
    if (is_number_sign(t)) return true;
    // A number sign glued to the number: №12, N12.
    if (t[0] == U'№' || t[0] == U'#')
        t.erase(0, 1);
    else if (t.size() > 1 && t[0] == 'N' && t[1] >= '0' && t[1] <= '9')
        t.erase(0, 1);
    if (t.empty() || !(t[0] >= '0' && t[0] <= '9')) return false;
    for (char32_t c : t) {
        bool digit = c >= '0' && c <= '9';
        if (!digit && c != '/' && c != '.' && c != ',' && c != ':' && !is_dash(UChar32(c)))
            return false;
    }
    return true;
}

bool is_roman_numeral(std::string_view token) {
    std::string_view t = strip_markup(token);
    while (!t.empty() && (t.back() == '.' || t.back() == ',')) t.remove_suffix(1);
    if (t.empty() || t.size() > 7) return false;
    for (char c : t)
        if (c != 'I' && c != 'V' && c != 'X' && c != 'L' && c != 'C' && c != 'D' && c != 'M')
            return false;
    return true;
}

bool is_numeric_date(std::string_view token) {
    std::string_view t = strip_markup(token);
    if (!t.empty() && t.back() == '.') t.remove_suffix(1);
    int groups = 0, len = 0;
    for (size_t i = 0; i <= t.size(); ++i) {
        if (i < t.size() && t[i] >= '0' && t[i] <= '9') {
            ++len;
            continue;
        }
        if (len == 0 || (i < t.size() && t[i] != '.')) return false;
        bool last = i == t.size();
        if ((!last && len > 2) || (last && len != 2 && len != 4)) return false;
        ++groups;
        len = 0;
    }
    return groups == 3;
}

bool is_short_letter_token(std::string_view token, int max_letters) {
    std::u32string cps = utf32_of(token);
    if (!cps.empty() && u_ispunct(cps.back())) cps.pop_back();
    if (cps.empty() || int(cps.size()) > max_letters) return false;
    for (UChar32 c : cps)
        if (!u_isalpha(c)) return false;
    return true;
}

bool is_punctuation_only(std::string_view token) {
    if (token.empty()) return false;
    bool ok = true;
    for_each_cp(token, [&](UChar32 c) { ok = ok && !u_isalnum(c); });
    return ok;
}

bool is_speck(std::string_view token) {
    if (!is_punctuation_only(token)) return false;
    std::u32string cps = utf32_of(token);
    // Specks proper: marks a typist never types on their own.
    for (UChar32 c : cps) {
        switch (c) {
            case '~':
            case '^':
            case '`':
            case '|':
            case 0xA6:
            case 0xB0:
            case 0xB7:
            case 0x2022:
            case 0x25A0:
            case 0x25A1:
            case 0x25AA:
            case 0xB8:
            case 0x2D9:
            case 0xA8:
            case 0xB4:
            case 0x201A:
            case '\\':
                return true;
            default:
                break;
        }
    }
    // A run of dots is an ellipsis or a fill-in line; a lone mark may be the typist's.
    if (cps.size() < 2) return false;
    bool mixed = false;
    for (UChar32 c : cps) {
        if (c != '.' && c != ',' && c != '\'' && c != ';') return false;
        mixed = mixed || c != UChar32(cps[0]);
    }
    return mixed;
}

bool looks_garbled(std::string_view token) {
    std::u32string cps = utf32_of(strip_markup(token));
    // Punctuation at the edges is ordinary; only what sits between letters counts.
    while (!cps.empty() && !u_isalnum(cps.back())) cps.pop_back();
    size_t start = 0;
    while (start < cps.size() && !u_isalnum(cps[start])) ++start;
    if (cps.size() - start < 2) return false;
    int letters = 0, inner_symbols = 0, digits_in_letters = 0;
    for (size_t i = start; i < cps.size(); ++i) {
        UChar32 c = cps[i];
        if (u_isalpha(c)) {
            ++letters;
        } else if (u_isdigit(c)) {
            bool between =
                i > start && i + 1 < cps.size() && u_isalpha(cps[i - 1]) && u_isalpha(cps[i + 1]);
            digits_in_letters += between;
        } else if (!is_dash(c) && c != '\'' && c != 0x2019 && c != '.') {
            ++inner_symbols;
        }
    }
    if (letters == 0) return false;
    TokenShape t = shape_of(token);
    return inner_symbols > 0 || digits_in_letters > 0 || (t.scripts > 1 && t.others > 0);
}

bool ends_with_fill_in(std::string_view token, int min_run) {
    int run = 0;
    bool underscore = false;
    std::u32string cps = utf32_of(token);
    for (auto it = cps.rbegin(); it != cps.rend() && is_fill(*it); ++it) {
        run += *it == 0x2026 ? 3 : 1;
        underscore = underscore || *it == '_';
    }
    // Three dots (or «…») close a typed sentence or a list item: an ellipsis, not a row to
    // be filled in, however short the fill-in rows of a stamp may be.
    constexpr int ellipsis = 3;
    return run >= min_run && (underscore || run > ellipsis);
}

bool ends_sentence(std::string_view text) {
    std::u32string cps = utf32_of(text);
    while (!cps.empty() && (cps.back() == '"' || cps.back() == 0xBB || cps.back() == 0x201D ||
                            cps.back() == ')' || u_isspace(cps.back())))
        cps.pop_back();
    if (cps.empty()) return false;
    UChar32 c = cps.back();
    return c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026;
}

bool starts_lower(std::string_view text) {
    bool lower = false, done = false;
    for_each_cp(text, [&](UChar32 c) {
        if (done || !u_isalpha(c)) return;
        lower = u_islower(c);
        done = true;
    });
    return lower;
}

bool ends_with_hyphen(std::string_view text) {
    std::u32string cps = utf32_of(text);
    return !cps.empty() && (is_dash(cps.back()) || cps.back() == 0xAC) && cps.size() > 1 &&
           u_isalpha(cps[cps.size() - 2]);
}

}  // namespace scanfix::shape
