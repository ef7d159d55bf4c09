// Line setting for the sample generator: greedy line breaking with typist-style hyphenation,
// lines as written, table rows, page and column cutting and the reference texts; see
// typed_lines.hpp.
#include "typed_lines.hpp"

#include <algorithm>
#include <sstream>

#include "scanfix/core/error.hpp"
#include "utf32.hpp"

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

// The source's lines with tabs as four spaces and trailing blanks (and a CR) removed.
std::vector<std::u32string> source_lines(const std::string& text) {
    std::vector<std::u32string> out;
    std::istringstream in(text);
    std::string raw;
    while (std::getline(in, raw)) {
        std::u32string u;
        for (char32_t c : to_u32(raw)) {
            if (c == U'\t')
                u += U"    ";
            else
                u += c;
        }
        while (!u.empty() && (u.back() == U' ' || u.back() == U'\r')) u.pop_back();
        out.push_back(u);
    }
    return out;
}

std::u32string trimmed(const std::u32string& s) {
    size_t b = s.find_first_not_of(U' ');
    if (b == std::u32string::npos) return {};
    size_t e = s.find_last_not_of(U' ');
    return s.substr(b, e - b + 1);
}

std::vector<std::u32string> words_of(const std::string& paragraph) {
    std::vector<std::u32string> words;
    std::istringstream in(paragraph);
    std::string w;
    while (in >> w) words.push_back(to_u32(w));
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
            line.text = to_u8(text);
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

std::vector<TypedLine> set_written_lines(const std::string& text, int columns) {
    std::vector<TypedLine> lines;
    int blanks = 0, paragraph = 0;
    bool open = false;  // the current block has lines
    for (const std::u32string& source : source_lines(text)) {
        size_t lead = source.find_first_not_of(U' ');
        if (lead == std::u32string::npos) {
            if (open) {
                lines.back().paragraph_end = true;
                ++paragraph;
                open = false;
            }
            if (!lines.empty()) ++blanks;
            continue;
        }
        int indent = static_cast<int>(lead);
        if (indent >= columns / 2) indent = columns / 2;
        std::u32string body = source.substr(lead);
        while (!body.empty()) {
            TypedLine l;
            l.indent = indent;
            l.paragraph = paragraph;
            l.paragraph_start = !open;
            l.blank_before = blanks;
            blanks = 0;
            open = true;
            const size_t room = static_cast<size_t>(std::max(1, columns - indent));
            size_t cut = body.size() <= room ? std::u32string::npos : body.rfind(U' ', room);
            if (cut == std::u32string::npos || cut == 0) {  // fits, or one word over the margin
                l.text = to_u8(body);
                lines.push_back(l);
                break;
            }
            l.text = to_u8(trimmed(body.substr(0, cut)));
            lines.push_back(l);
            body = trimmed(body.substr(cut));
        }
    }
    if (open) lines.back().paragraph_end = true;
    return lines;
}

std::vector<TypedLine> set_table_rows(const std::string& text, int columns, int gap,
                                      std::vector<int>& cell_starts) {
    std::vector<std::vector<std::u32string>> rows;
    std::vector<int> blank_before;
    std::vector<size_t> widths;
    int blanks = 0;
    for (const std::u32string& source : source_lines(text)) {
        if (trimmed(source).empty()) {
            if (!rows.empty()) ++blanks;
            continue;
        }
        std::vector<std::u32string> cells;
        size_t from = 0;
        while (true) {
            size_t bar = source.find(U'|', from);
            cells.push_back(trimmed(source.substr(from, bar - from)));
            if (bar == std::u32string::npos) break;
            from = bar + 1;
        }
        if (widths.size() < cells.size()) widths.resize(cells.size(), 0);
        for (size_t k = 0; k < cells.size(); ++k) widths[k] = std::max(widths[k], cells[k].size());
        rows.push_back(cells);
        blank_before.push_back(blanks);
        blanks = 0;
    }
    cell_starts.assign(widths.size(), 0);
    for (size_t k = 1; k < widths.size(); ++k)
        cell_starts[k] = cell_starts[k - 1] + static_cast<int>(widths[k - 1]) + gap;
    if (!widths.empty() && cell_starts.back() + static_cast<int>(widths.back()) > columns)
        throw ConfigError("", 0,
                          "sample page: the table needs " +
                              std::to_string(cell_starts.back() + widths.back()) +
                              " character cells, the line holds " + std::to_string(columns));
    std::vector<TypedLine> lines;
    for (size_t r = 0; r < rows.size(); ++r) {
        std::u32string typed;
        for (size_t k = 0; k < rows[r].size(); ++k) {
            if (rows[r][k].empty()) continue;
            typed.resize(static_cast<size_t>(cell_starts[k]), U' ');
            typed += rows[r][k];
        }
        TypedLine l;
        l.text = to_u8(typed);
        l.paragraph = static_cast<int>(r);
        l.paragraph_start = l.paragraph_end = true;
        l.blank_before = blank_before[r];
        lines.push_back(l);
    }
    return lines;
}

std::vector<std::vector<TypedLine>> split_pages(const std::vector<TypedLine>& lines,
                                                int lines_per_page, int paragraph_gap,
                                                int text_columns) {
    std::vector<std::vector<TypedLine>> pages;
    std::vector<TypedLine> page;
    const int rows = std::max(1, lines_per_page);
    int column = 0, row = 0;
    for (const TypedLine& l : lines) {
        int gap = row > 0 ? l.blank_before + (l.paragraph_start ? paragraph_gap : 0) : 0;
        if (row > 0 && row + gap + 1 > rows) {
            row = gap = 0;
            if (++column >= std::max(1, text_columns)) {
                pages.push_back(std::move(page));
                page.clear();
                column = 0;
            }
        }
        row += gap;
        TypedLine placed = l;
        placed.column = column;
        placed.row = row++;
        page.push_back(placed);
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
        const TypedLine& l = lines[i];
        const bool column_top = l.column > 0 && l.row == 0;
        if (i > 0 && !column_top) {
            int blank = l.blank_before + (l.paragraph_start ? paragraph_gap : 0);
            for (int g = 0; g < blank; ++g) out += '\n';
        }
        out += l.text;
        out += '\n';
    }
    return out;
}

}  // namespace scanfix::samples
