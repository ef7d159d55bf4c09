// The normalisations of normalize.hpp, applied on code points in a fixed order: hyphen joining
// (needs the line breaks), letter mappings, case folding, punctuation, whitespace, then NFC.
#include "scanfix/eval/normalize.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::eval {

namespace {

bool is_letter(char32_t c) {
    return u_isalpha(UChar32(c));
}
bool is_line_break(char32_t c) {
    return c == U'\n' || c == U'\v' || c == U'\f' || c == 0x85 || c == 0x2028 || c == 0x2029;
}
bool is_space(char32_t c) {
    return u_isUWhiteSpace(UChar32(c));
}
bool is_line_end_hyphen(char32_t c) {
    // hyphen-minus, soft hyphen, hyphen, not sign and double oblique hyphen (used in
    // transcriptions)
    return c == U'-' || c == 0xAD || c == 0x2010 || c == 0xAC || c == 0x2E17;
}

// "ge-\n  bracht" -> "gebracht": a hyphen after a letter, then only spaces up to a line break,
// then a letter after optional indentation.
std::u32string join_hyphens(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (is_line_end_hyphen(s[i]) && i > 0 && is_letter(s[i - 1])) {
            size_t j = i + 1;
            while (j < s.size() && is_space(s[j]) && !is_line_break(s[j])) ++j;
            if (j < s.size() && is_line_break(s[j])) {
                ++j;
                while (j < s.size() && is_space(s[j])) ++j;
                if (j < s.size() && is_letter(s[j])) {
                    i = j - 1;  // drop hyphen and break; the loop continues at the letter
                    continue;
                }
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

char32_t map_prereform(char32_t c) {
    switch (c) {
        case U'ѣ':
            return U'е';
        case U'Ѣ':
            return U'Е';
        case U'і':
            return U'и';
        case U'І':
            return U'И';
        case U'ѳ':
            return U'ф';
        case U'Ѳ':
            return U'Ф';
        case U'ѵ':
            return U'и';
        case U'Ѵ':
            return U'И';
        default:
            return c;
    }
}

char32_t map_lookalike(char32_t c) {
    static const std::u32string latin = U"ABCEHKMOPTXYaceopxy";
    static const std::u32string cyrillic = U"АВСЕНКМОРТХУасеорху";
    size_t at = latin.find(c);
    return at == std::u32string::npos ? c : cyrillic[at];
}

std::u32string map_letters(const std::u32string& s, const NormalizeOptions& o) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char32_t c = s[i];
        if (o.lookalikes) c = map_lookalike(c);
        if (o.yo) {
            if (c == U'ё') c = U'е';
            if (c == U'Ё') c = U'Е';
        }
        if (o.prereform) {
            c = map_prereform(c);
            bool word_end = i + 1 == s.size() || !is_letter(s[i + 1]);
            if ((c == U'ъ' || c == U'Ъ') && word_end && i > 0 && is_letter(s[i - 1])) continue;
        }
        out.push_back(c);
    }
    return out;
}

std::u32string fold_case(const std::u32string& s) {
    icu::UnicodeString u;
    for (char32_t c : s) u.append(UChar32(c));
    u.foldCase(U_FOLD_CASE_DEFAULT);
    std::u32string out;
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        out.push_back(char32_t(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::u32string strip_punctuation(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (char32_t c : s)
        if (!(U_GET_GC_MASK(UChar32(c)) & U_GC_P_MASK)) out.push_back(c);
    return out;
}

std::u32string fold_whitespace(const std::u32string& s) {
    std::u32string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (!is_space(s[i])) {
            out.push_back(s[i++]);
            continue;
        }
        bool line_break = false;
        for (; i < s.size() && is_space(s[i]); ++i) line_break = line_break || is_line_break(s[i]);
        if (!out.empty() && i < s.size()) out.push_back(line_break ? U'\n' : U' ');
    }
    return out;
}

bool& flag(NormalizeOptions& o, const std::string& name) {
    if (name == "whitespace") return o.whitespace;
    if (name == "hyphens") return o.hyphens;
    if (name == "case") return o.casefold;
    if (name == "punctuation") return o.punctuation;
    if (name == "yo") return o.yo;
    if (name == "prereform") return o.prereform;
    if (name == "lookalikes") return o.lookalikes;
    std::string known;
    for (const auto& n : normalization_names()) known += (known.empty() ? "" : ", ") + n;
    throw ConfigError("", 0,
                      "unknown normalisation '" + name + "' (known: " + known + ", all, none)");
}

}  // namespace

const std::vector<std::string>& normalization_names() {
    static const std::vector<std::string> names = {
        "hyphens", "lookalikes", "yo", "prereform", "case", "punctuation", "whitespace"};
    return names;
}

std::vector<std::string> NormalizeOptions::applied() const {
    std::vector<std::string> out;
    NormalizeOptions copy = *this;
    for (const auto& name : normalization_names())
        if (flag(copy, name)) out.push_back(name);
    return out;
}

void set_normalization(NormalizeOptions& options, const std::string& name, bool on) {
    flag(options, name) = on;
}

NormalizeOptions parse_normalizations(const std::string& list) {
    NormalizeOptions o;
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = std::min(list.find(',', start), list.size());
        std::string item = list.substr(start, end - start);
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        bool on = true;
        if (!item.empty() && item[0] == '-') on = false, item.erase(0, 1);
        if (item == "none" || item == "all") {
            for (const auto& name : normalization_names()) flag(o, name) = (item == "all") == on;
        } else if (!item.empty()) {
            flag(o, item) = on;
        }
        start = end + 1;
    }
    return o;
}

std::string normalize_text(const std::string& text, const NormalizeOptions& o) {
    std::u32string s = utf32_of(text);
    if (o.hyphens) s = join_hyphens(s);
    if (o.lookalikes || o.yo || o.prereform) s = map_letters(s, o);
    if (o.casefold) s = fold_case(s);
    if (o.punctuation) s = strip_punctuation(s);
    if (o.whitespace) s = fold_whitespace(s);
    return to_nfc(utf8_of(s));
}

}  // namespace scanfix::eval
