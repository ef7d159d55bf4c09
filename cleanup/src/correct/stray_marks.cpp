// Stray marks glued to words by OCR; see stray_marks.hpp.
#include "scanfix/cleanup/stray_marks.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include "../page_facts.hpp"
#include "word_shape.hpp"

namespace scanfix {
namespace {

using correct::is_digit;
using correct::is_letter;

bool is_single_quote(char32_t c) {
    return c == U'‘' || c == U'’' || c == U'‚' || c == U'`' || c == U'\'' || c == U'´' || c == U'‛';
}

bool all_digits(std::u32string_view s) {
    if (s.empty()) return false;
    for (char32_t c : s)
        if (!is_digit(c)) return false;
    return true;
}

int letters(std::u32string_view s) {
    int n = 0;
    for (char32_t c : s) n += is_letter(c);
    return n;
}

// A known word, or a word of letters whose lower-case form is known.
bool known(const Lexicon& lex, std::u32string_view word) {
    return !word.empty() && correct::all_letters(word) && lex.knows(utf8_of(word));
}

// ‘слово / слово` / ‚слово: a single-quote mark at one edge only, not closed in the line.
bool strip_quotes(std::u32string& w, const Lexicon& lex, bool line_has_pair) {
    if (line_has_pair || w.size() < 2) return false;
    std::u32string core = w;
    while (!core.empty() && is_single_quote(core.front())) core.erase(0, 1);
    size_t trail = core.size();
    while (trail > 0 && !is_letter(core[trail - 1])) --trail;
    std::u32string tail = core.substr(trail);
    std::u32string kept_tail;
    for (char32_t c : tail)
        if (!is_single_quote(c)) kept_tail += c;
    std::u32string fixed = core.substr(0, trail) + kept_tail;
    if (fixed == w || !known(lex, core.substr(0, trail))) return false;
    w = fixed;
    return true;
}

// A mark between two known words, or a number and a word, glued by OCR: what was typed there.
// Typists put a space after a comma, and after the dot that ends a sentence, so «wurden,die»
// is «wurden, die» and «právo.Oba» is «právo. Oba» with the space lost. A dot before a
// lower-case word ends no sentence: after a short word it is an abbreviation typed close
// («hod.ráno») and stays; after a longer one, and after a number (30.апреля), it is a speck in
// the space (смогут.вернуть). Returns the reason, or "".
const char* split_inner_mark(std::u32string& w, const Lexicon& lex, int abbreviation_letters) {
    for (size_t i = 1; i + 1 < w.size(); ++i) {
        if (w[i] != U'.' && w[i] != U',') continue;
        std::u32string left = w.substr(0, i), right = w.substr(i + 1);
        size_t end = right.size();
        while (end > 0 && !is_letter(right[end - 1]) && !is_digit(right[end - 1])) --end;
        std::u32string right_core = right.substr(0, end);
        const bool number = all_digits(left) && left.size() <= 4;
        bool left_ok = known(lex, left) || number;
        bool right_ok = known(lex, right_core) && letters(right_core) >= 2 &&
                        !(number && letters(right_core) < 3);
        if (!left_ok || !right_ok || known(lex, w)) continue;
        const bool capital =
            correct::case_shape(right_core.substr(0, 1)) != correct::CaseShape::Lower;
        if (number || (w[i] == U'.' && !capital && letters(left) >= abbreviation_letters)) {
            w = left + U" " + right;
            return "two words joined by a speck in the space";
        }
        if (w[i] == U'.' && !capital) return "";
        w = left + w[i] + U" " + right;
        return w[i] == U',' ? "a comma between two known words: the space after it was lost"
                            : "a sentence's end between two known words: the space after it "
                              "was lost";
    }
    return "";
}

// .la → la, ,слово → слово: a dot or comma glued before a known word is a speck (no typist puts
// one there; an ellipsis «...» and a number «.50» are left alone).
bool drop_leading_dot(std::u32string& w, const Lexicon& lex) {
    if (w.size() < 3 || (w[0] != U'.' && w[0] != U',') || !is_letter(w[1])) return false;
    size_t end = w.size();
    while (end > 1 && !is_letter(w[end - 1])) --end;
    if (!known(lex, w.substr(1, end - 1)) || known(lex, w)) return false;
    w.erase(0, 1);
    return true;
}

// отде-. → отде- (the speck would keep dehyphenate from seeing the hyphen).
bool drop_dot_after_hyphen(std::u32string& w) {
    if (w.size() < 3) return false;
    char32_t last = w.back(), before = w[w.size() - 2];
    if ((last != U'.' && last != U',') || !correct::is_line_hyphen(before)) return false;
    w.pop_back();
    return true;
}

bool starts_lower_known(const Lexicon& lex, const std::string& next) {
    std::u32string n = utf32_of(next);
    size_t end = n.size();
    while (end > 0 && !is_letter(n[end - 1])) --end;
    std::u32string core = n.substr(0, end);
    return !core.empty() && correct::case_shape(core) == correct::CaseShape::Lower &&
           known(lex, core);
}

bool starts_lower_letter(const std::string& next) {
    std::u32string n = utf32_of(next);
    return !n.empty() && is_letter(n.front()) &&
           correct::case_shape(n.substr(0, 1)) == correct::CaseShape::Lower;
}

// A short known word after a hyphen: the conjunction of a suspended compound («Bade- og»).
bool conjunction(const std::string& next, const Lexicon& lex, int max_letters) {
    const std::string core = correct::split_token(next).core;
    return int(utf32_of(core).size()) <= max_letters && known(lex, utf32_of(core));
}

// The depth below the baseline under which a word-final comma's glyph is the page's full stop,
// or none when the page's own commas and full stops do not tell the two apart: the full stops'
// median depth and spread, the commas' upper quartile (their tails, even where part of the
// "commas" are full stops), and at least `full_stop_marks` commas at the full stops' depth.
std::optional<double> full_stop_depth(const Page& page, const StrayMarksParams& params) {
    std::vector<float> stops, commas;
    for (const Line& line : page.lines)
        for (const Word& w : line.words)
            if (!w.removed && w.mark_drop && !w.text.empty() &&
                (w.text.back() == '.' || w.text.back() == ','))
                (w.text.back() == '.' ? stops : commas).push_back(*w.mark_drop);
    if (stops.size() < 3 || commas.size() < 3) return std::nullopt;
    const double stop = facts::percentile(stops, 0.5), comma = facts::percentile(commas, 0.75);
    std::vector<float> off;
    for (float d : stops) off.push_back(std::abs(d - float(stop)));
    const double spread = std::max(0.02, 1.4826 * facts::percentile(off, 0.5));
    if (comma - stop < params.full_stop_separation ||
        comma - stop < params.full_stop_contrast * spread)
        return std::nullopt;
    const double depth =
        stop + std::min(params.full_stop_split * (comma - stop), params.full_stop_spread * spread);
    const auto shallow =
        std::count_if(commas.begin(), commas.end(), [depth](float d) { return d < depth; });
    if (shallow < params.full_stop_marks) return std::nullopt;
    return depth;
}

// "stát," whose comma sits no deeper than `depth` below the baseline: a full stop.
bool comma_as_full_stop(std::u32string& w, const Word& word, std::optional<double> depth) {
    if (!depth || !word.mark_drop || *word.mark_drop >= *depth || w.size() < 2 || w.back() != U',')
        return false;
    if (!is_letter(w[w.size() - 2]) && !is_digit(w[w.size() - 2])) return false;
    w.back() = U'.';
    return true;
}

}  // namespace

void remove_stray_marks(Document& doc, const Lexicon& lexicon, const StrayMarksParams& params,
                        const std::string& stage) {
    for (Page& page : doc) {
        // Kept words of the page in reading order, so "the next word" may be on the next line.
        struct At {
            int line, word;
            bool last_in_line;
        };
        std::vector<At> order;
        const std::optional<double> stop_depth =
            params.full_stops ? full_stop_depth(page, params) : std::nullopt;
        std::vector<bool> paired(page.lines.size(), false);
        for (int li = 0; li < int(page.lines.size()); ++li) {
            const Line& line = page.lines[li];
            if (line.removed) continue;
            int opening = 0, closing = 0;
            size_t first = order.size();
            for (int wi = 0; wi < int(line.words.size()); ++wi) {
                const Word& w = line.words[wi];
                if (w.removed || w.text.empty()) continue;
                order.push_back({li, wi, false});
                std::u32string t = utf32_of(w.text);
                opening += is_single_quote(t.front());
                closing += t.size() > 1 && is_single_quote(t.back());
            }
            if (order.size() > first) order.back().last_in_line = true;
            paired[li] = opening > 0 && closing > 0;
        }
        for (size_t k = 0; k < order.size(); ++k) {
            const At at = order[k];
            Word& word = page.lines[at.line].words[at.word];
            if (word.removed) continue;
            const Word* next = k + 1 < order.size()
                                   ? &page.lines[order[k + 1].line].words[order[k + 1].word]
                                   : nullptr;
            std::u32string w = utf32_of(word.text);
            std::string why;
            if (comma_as_full_stop(w, word, stop_depth))
                why = "a comma whose glyph sits on the baseline like the page's full stops";
            else if (params.quotes && strip_quotes(w, lexicon, paired[at.line]))
                why = "stray quote mark at the edge of a known word";
            else if (params.hyphen_dots && at.last_in_line && drop_dot_after_hyphen(w))
                why = "speck after a line-end hyphen";
            else if (params.leading_dots && drop_leading_dot(w, lexicon))
                why = "speck before a known word";
            else if (const char* split =
                         params.inner_dots ? split_inner_mark(w, lexicon, params.inner_dot_letters)
                                           : "";
                     *split)
                why = split;
            else if (params.hyphen_space && !at.last_in_line && next && w.size() > 2 &&
                     w.back() == U'-' && is_letter(w[w.size() - 2]) &&
                     starts_lower_letter(next->text) &&
                     !conjunction(next->text, lexicon, params.conjunction_letters)) {
                // «экспертно- проверочной» inside a line: OCR read a space after the hyphen.
                w += utf32_of(next->text);
                page.remove_word(order[k + 1].line, order[k + 1].word, stage,
                                 "joined to the compound before it");
                why = "space after a hyphen inside a line";
            } else if (params.mid_sentence_dots && word.confidence >= 0 &&
                       word.confidence < params.max_confidence && next && w.size() > 1 &&
                       w.back() == U'.' && letters(w) >= params.min_letters &&
                       known(lexicon, w.substr(0, w.size() - 1)) &&
                       starts_lower_known(lexicon, next->text)) {
                w.pop_back();
                why = "dot in mid-sentence after a known word";
            }
            if (!why.empty()) page.replace_word(at.line, at.word, utf8_of(w), stage, why);
        }
    }
}

}  // namespace scanfix
