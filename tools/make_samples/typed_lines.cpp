// Line setting for the sample generator: greedy line breaking with typist-style hyphenation,
// page cutting and the reference texts; see typed_lines.hpp.
#include "typed_lines.hpp"

#include <algorithm>
#include <sstream>

#include "scanfix/core/text.hpp"

namespace scanfix::samples {
namespace {

bool is_vowel(char32_t c) {
    static const std::u32string vowels = U"аеёиоуыэюяАЕЁИОУЫЭЮЯaeiouyAEIOUY";
    return vowels.find(c) != std::u32string::npos;
}

bool is_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= 0x0400 && c <= 0x04FF);
}

bool is_upper(char32_t c) {
    return (c >= U'A' && c <= U'Z') || (c >= 0x0400 && c <= 0x042F);
}

// A line may not begin with these letters, so no split is allowed just before them.
bool cannot_start_part(char32_t c) {
    static const std::u32string bad = U"ьъйыЬЪЙЫ";
    return bad.find(c) != std::u32string::npos;
}

struct Split {
    size_t at = 0;      // code points that stay on the line (hyphen included for hard splits)
    bool hard = false;  // the word's own hyphen
};

// All places where `word` may be split, with the part that stays on the line first.
std::vector<Split> split_candidates(const std::u32string& word, int min_letters) {
    std::vector<Split> out;
    // The word's own hyphens: break after them, the hyphen stays on the line.
    for (size_t i = 1; i + 1 < word.size(); ++i)
        if (word[i] == U'-' && is_letter(word[i - 1]) && is_letter(word[i + 1]))
            out.push_back({i + 1, true});
    // Runs of letters long enough and not abbreviations in capitals.
    for (size_t b = 0; b < word.size();) {
        if (!is_letter(word[b])) {
            ++b;
            continue;
        }
        size_t e = b;
        while (e < word.size() && is_letter(word[e])) ++e;
        std::u32string run = word.substr(b, e - b);
        bool all_caps = std::all_of(run.begin(), run.end(), is_upper);
        if (static_cast<int>(run.size()) >= min_letters && !all_caps)
            for (size_t p : hyphenation_points(run)) out.push_back({b + p, false});
        b = e;
    }
    return out;
}

std::vector<std::u32string> words_of(const std::string& paragraph) {
    std::vector<std::u32string> words;
    std::istringstream in(paragraph);
    std::string w;
    while (in >> w) words.push_back(utf32_of(w));
    return words;
}

}  // namespace

std::vector<size_t> hyphenation_points(const std::u32string& w) {
    std::vector<size_t> out;
    const size_t n = w.size();
    for (size_t i = 2; i + 2 <= n; ++i) {
        bool left_vowel = std::any_of(w.begin(), w.begin() + i, is_vowel);
        bool right_vowel = std::any_of(w.begin() + i, w.end(), is_vowel);
        if (!left_vowel || !right_vowel || cannot_start_part(w[i])) continue;
        char32_t a = w[i - 1], b = w[i];
        bool v_cv = is_vowel(a) && !is_vowel(b) && i + 1 < n && is_vowel(w[i + 1]);
        bool c_c = !is_vowel(a) && !is_vowel(b);
        bool v_v = is_vowel(a) && is_vowel(b);
        bool after_sign = a == U'ь' || a == U'ъ' || a == U'Ь' || a == U'Ъ';
        if (v_cv || c_c || v_v || after_sign) out.push_back(i);
    }
    return out;
}

std::vector<std::string> split_paragraphs(const std::string& text) {
    std::vector<std::string> paragraphs;
    std::istringstream in(text);
    std::string line, current;
    auto flush = [&] {
        if (!current.empty()) paragraphs.push_back(current);
        current.clear();
    };
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string w;
        bool any = false;
        while (words >> w) {
            if (!current.empty()) current += ' ';
            current += w;
            any = true;
        }
        if (!any) flush();
    }
    flush();
    return paragraphs;
}

std::vector<TypedLine> set_lines(const std::vector<std::string>& paragraphs,
                                 const LineSettings& s) {
    std::vector<TypedLine> lines;
    for (size_t p = 0; p < paragraphs.size(); ++p) {
        std::vector<std::u32string> words = words_of(paragraphs[p]);
        if (words.empty()) continue;
        TypedLine line;
        line.paragraph = static_cast<int>(p);
        line.paragraph_start = true;
        line.indent = s.indent;
        std::u32string text;
        auto width = [&] { return line.indent + static_cast<int>(text.size()); };
        auto emit = [&](LineJoin join) {
            line.text = utf8_of(text);
            line.join = join;
            lines.push_back(line);
            line = TypedLine{};
            line.paragraph = static_cast<int>(p);
            text.clear();
        };
        for (size_t i = 0; i < words.size(); ++i) {
            std::u32string word = words[i];
            while (true) {
                int need = static_cast<int>(word.size()) + (text.empty() ? 0 : 1);
                if (width() + need <= s.columns) {
                    if (!text.empty()) text += U' ';
                    text += word;
                    break;
                }
                // The word does not fit: split it if the typist would, else start a new line.
                int room = s.columns - width() - (text.empty() ? 0 : 1);
                const Split* best = nullptr;
                std::vector<Split> splits;
                if (s.hyphenate) splits = split_candidates(word, s.min_hyphen_word);
                for (const Split& c : splits) {
                    int used = static_cast<int>(c.at) + (c.hard ? 0 : 1);
                    if (used <= room && (!best || c.at > best->at)) best = &c;
                }
                if (best) {
                    if (!text.empty()) text += U' ';
                    text += word.substr(0, best->at);
                    if (!best->hard) text += U'-';
                    LineJoin join = best->hard ? LineJoin::HardHyphen : LineJoin::SoftHyphen;
                    word = word.substr(best->at);
                    emit(join);
                    continue;
                }
                if (text.empty()) {  // longer than a whole line: type it over the margin
                    text = word;
                    break;
                }
                emit(LineJoin::Space);
            }
        }
        line.paragraph_end = true;
        emit(LineJoin::Space);
    }
    return lines;
}

std::vector<std::vector<TypedLine>> split_pages(const std::vector<TypedLine>& lines,
                                                int lines_per_page, int paragraph_gap) {
    std::vector<std::vector<TypedLine>> pages;
    std::vector<TypedLine> page;
    int used = 0;
    for (const TypedLine& l : lines) {
        int gap = (!page.empty() && l.paragraph_start) ? paragraph_gap : 0;
        if (!page.empty() && used + gap + 1 > std::max(1, lines_per_page)) {
            pages.push_back(std::move(page));
            page.clear();
            used = 0;
            gap = 0;
        }
        page.push_back(l);
        used += gap + 1;
    }
    if (!page.empty()) pages.push_back(std::move(page));
    return pages;
}

std::string reading_text(const std::vector<TypedLine>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        const TypedLine& l = lines[i];
        bool continues =
            i + 1 < lines.size() && !l.paragraph_end && lines[i + 1].paragraph == l.paragraph;
        std::string text = l.text;
        if (continues && l.join == LineJoin::SoftHyphen && !text.empty() && text.back() == '-')
            text.pop_back();
        out += text;
        if (continues)
            out += l.join == LineJoin::Space ? " " : "";
        else
            out += i + 1 < lines.size() ? "\n\n" : "\n";
    }
    return out;
}

std::string diplomatic_text(const std::vector<TypedLine>& lines, int paragraph_gap) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i > 0 && lines[i].paragraph_start)
            for (int g = 0; g < paragraph_gap; ++g) out += '\n';
        out += lines[i].text;
        out += '\n';
    }
    return out;
}

}  // namespace scanfix::samples
