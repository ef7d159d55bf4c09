// Lexicon correction by confusion-weighted candidates (see lexicon_correction.hpp).
// Candidates come from applying table confusions to the unknown word (and, on request, from
// hunspell's suggestions); each distinct word is decided once per document.
#include "scanfix/cleanup/lexicon_correction.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace fs = std::filesystem;

namespace scanfix {

void LexiconCorrectionParams::validate() const {
    if (max_cost < 0) throw ConfigError("", 0, "cleanup.lexicon_correction.max_cost must be >= 0");
    if (min_length < 1)
        throw ConfigError("", 0, "cleanup.lexicon_correction.min_length must be >= 1");
}

namespace {

fs::path resolve(const std::string& dir, const std::string& file) {
    fs::path p(file);
    if (p.is_absolute() || fs::exists(p)) return p;
    return fs::path(dir) / p;
}

struct Candidate {
    double cost;
    int source;  // 0: confusion rewrite, 1: hunspell suggestion
};

constexpr size_t kLongestWord = 40;

// "lexicon_correction: «word»: candidate 0.30, other 0.55" for the debug log.
std::string candidates_note(const std::string& word,
                            const std::map<std::u32string, Candidate>& known) {
    std::string note = "lexicon_correction: «" + word + "»:";
    if (known.empty()) note += " no known candidate";
    const char* sep = " ";
    for (const auto& [form, c] : known) {
        char cost[32];
        std::snprintf(cost, sizeof cost, " %.2f", c.cost);
        note += sep + utf8_of(form) + cost + (c.source == 1 ? " (hunspell)" : "");
        sep = ", ";
    }
    return note;
}

}  // namespace

LexiconCorrector::LexiconCorrector(const LexiconCorrectionParams& params,
                                   const std::string& dictionaries_dir,
                                   std::shared_ptr<const Lexicon> lexicon)
    : params_(params),
      lexicon_(std::move(lexicon)),
      table_(ConfusionTable::load(resolve(dictionaries_dir, params.confusions).string())) {
    params_.validate();
}

std::string LexiconCorrector::correct_word(const std::u32string& word,
                                           const std::function<int(const std::string&)>& uses,
                                           std::string* reason, const LogSink& log) const {
    // Letters, with inner hyphens of a compound (Цзе-дун, северо-восточного).
    for (size_t i = 0; i < word.size(); ++i)
        if (!correct::is_letter(word[i]) &&
            !(word[i] == U'-' && i > 0 && i + 1 < word.size() && word[i + 1] != U'-'))
            return {};
    if (int(word.size()) < params_.min_short_length) return {};
    // No dictionary word is longer; a longer run of letters is noise (a ruled line read as
    // "cccc…", letters typed over each other), and its rewrites grow as length^max_edits.
    if (word.size() > kLongestWord) return {};
    // A short word is only corrected towards a word the document itself uses often.
    bool short_word = int(word.size()) < params_.min_length;
    correct::CaseShape shape = correct::case_shape(word);
    if (shape == correct::CaseShape::Mixed) return {};
    if (shape == correct::CaseShape::Upper && int(word.size()) < params_.min_caps_length) return {};
    std::string word8 = utf8_of(word);
    if (lexicon_->knows(word8)) return {};
    std::u32string lw = correct::lower(word);
    const int own_uses = uses(utf8_of(lw));

    // Every rewrite by up to max_edits table confusions within max_cost, at its cheapest.
    std::unordered_map<std::u32string, double> rewrites;
    std::vector<std::pair<std::u32string, double>> frontier{{lw, 0.0}};
    for (int depth = 1; depth <= params_.max_edits && !frontier.empty(); ++depth) {
        std::vector<std::pair<std::u32string, double>> next;
        for (const auto& [form, base] : frontier)
            for (const Confusion& c : table_.entries()) {
                double cost = base + c.cost;
                if (cost > params_.max_cost) continue;
                for (size_t pos = form.find(c.read); pos != std::u32string::npos;
                     pos = form.find(c.read, pos + 1)) {
                    std::u32string f =
                        form.substr(0, pos) + c.meant + form.substr(pos + c.read.size());
                    if (f == lw) continue;
                    auto [it, fresh] = rewrites.emplace(f, cost);
                    if (!fresh && it->second <= cost) continue;
                    it->second = cost;
                    next.emplace_back(std::move(f), cost);
                }
            }
        frontier = std::move(next);
    }
    // Words the document uses are always looked up (their prior may outweigh a higher cost);
    // the rest cheapest first, stopping once no later one could compete with the best found
    // or after max_lookups dictionary look-ups.
    std::vector<std::pair<double, std::u32string>> order;
    order.reserve(rewrites.size());
    for (auto& [form, cost] : rewrites) order.emplace_back(cost, form);
    std::sort(order.begin(), order.end());
    std::map<std::u32string, Candidate> known;
    double best_cost = 1e9;
    for (const auto& [cost, form] : order)
        if (uses(utf8_of(form)) > 0 && lexicon_->knows(utf8_of(form))) {
            known[form] = {cost, 0};
            best_cost = std::min(best_cost, cost);
        }
    int lookups = short_word ? params_.max_lookups : 0;
    for (const auto& [cost, form] : order) {
        if (cost > best_cost + params_.margin || lookups >= params_.max_lookups) break;
        if (known.count(form)) continue;
        ++lookups;
        if (lexicon_->knows(utf8_of(form))) {
            known[form] = {cost, 0};
            best_cost = std::min(best_cost, cost);
        }
    }
    if (params_.use_suggestions && !short_word)
        for (const std::string& s : lexicon_->suggest(word8)) {
            std::u32string f = correct::lower(utf32_of(s));
            if (f.find(U' ') != std::u32string::npos || f == lw) continue;
            double cost = table_.distance(lw, f, params_.generic_cost);
            if (cost > params_.max_cost) continue;
            auto it = known.find(f);
            if (it == known.end() || it->second.cost > cost) known[f] = {cost, 1};
        }
    if (log) log(LogLevel::Debug, candidates_note(word8, known));
    if (known.empty()) return {};

    // Score: edit cost, lowered for words the document itself uses.
    const std::u32string* best = nullptr;
    double best_score = 1e9, second_score = 1e9;
    for (const auto& [form, cand] : known) {
        double score = cand.cost - params_.frequency_weight * std::log1p(uses(utf8_of(form)));
        if (score < best_score) {
            second_score = best_score;
            best_score = score;
            best = &form;
            best_cost = cand.cost;
        } else if (score < second_score) {
            second_score = score;
        }
    }
    if (second_score - best_score < params_.margin) return {};
    int best_uses = uses(utf8_of(*best));
    if (short_word && best_uses < params_.short_word_uses) return {};
    // An unknown word the document repeats may be a name: replace it only by a word the
    // document uses more often still (a repeated misreading of a common word).
    if (own_uses >= params_.keep_frequent && best_uses <= own_uses) return {};
    if (reason) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unknown word; closest lexicon word at confusion cost %.2f",
                      best_cost);
        *reason = buf;
    }
    return utf8_of(correct::apply_case(*best, shape));
}

std::string LexiconCorrector::correct_impl(const std::string& core,
                                           const std::function<int(const std::string&)>& uses,
                                           std::string* reason, const LogSink& log) const {
    std::u32string w = utf32_of(core);
    if (w.empty() || correct::has_digit(w)) return {};
    // An elided article or pronoun of one or two letters (d', l', qu', dell'): the word after
    // the apostrophe is corrected on its own, the elision kept as read.
    for (size_t i = 1; i <= 2 && i + 1 < w.size(); ++i) {
        if (!correct::is_letter(w[i - 1])) break;
        if (w[i] != U'\'' && w[i] != U'’') continue;
        const std::string rest = correct_word(w.substr(i + 1), uses, reason, log);
        return rest.empty() ? std::string() : utf8_of(w.substr(0, i + 1)) + rest;
    }
    // A hyphenated compound is corrected as a whole: the lexicon knows compounds whose
    // parts it knows, and a part alone («Цэе») is too short to judge.
    return correct_word(w, uses, reason, log);
}

std::string LexiconCorrector::known_alternative(
    const Word& w, const std::function<int(const std::string&)>& uses) const {
    if (w.alternatives.empty()) return {};
    const correct::TokenParts parts = correct::split_token(w.text);
    const std::u32string core = utf32_of(parts.core);
    if (int(core.size()) < params_.min_short_length) return {};
    for (char32_t c : core)
        if (!correct::is_letter(c) && c != U'-') return {};
    const correct::CaseShape shape = correct::case_shape(core);
    if (shape == correct::CaseShape::Upper && int(core.size()) < params_.min_caps_length) return {};
    if (lexicon_->knows(parts.core)) return {};
    // As for a correction the lexicon finds: an unknown word the document repeats (a name, an
    // abbreviation) goes only to a word it uses more often still.
    const int own_uses = uses(utf8_of(correct::lower(core)));
    for (const Alternative& a : w.alternatives) {  // likeliest first
        if (a.confidence < params_.min_alternative) break;
        const std::string alt_core = correct::split_token(a.text).core;
        if (alt_core.empty() || !lexicon_->knows(alt_core)) continue;
        const int alt_uses = uses(utf8_of(correct::lower(utf32_of(alt_core))));
        if (own_uses >= params_.keep_frequent && alt_uses <= own_uses) continue;
        return a.text;
    }
    return {};
}

void LexiconCorrector::run(Document& doc, const std::string& stage_name, const LogSink& log) const {
    // Without a general dictionary nearly every word is "unknown" and no candidate can be
    // confirmed except curated words: not worth a look-up storm over the whole document.
    if (!lexicon_->has_dictionary()) return;
    // Each distinct token is looked at once: how often the document uses it, and its fate.
    struct TokenInfo {
        int count = 0;
        bool decided = false;
        std::string replacement, reason;
    };
    std::unordered_map<std::string, TokenInfo> tokens;
    // Halves of a word split at a line end are dehyphenate's business, not ours.
    std::unordered_set<const Word*> split_halves;
    const Word* pending_hyphen = nullptr;
    for (const Page& page : doc)
        for (const Line& line : page.lines) {
            if (line.empty()) continue;
            const Word* first = nullptr;
            const Word* last = nullptr;
            for (const Word& w : line.words) {
                if (w.removed || w.text.empty()) continue;
                // «Цзе- дуна» inside a line: OCR saw a space after a compound's hyphen.
                if (last && last->text.back() == '-') split_halves.insert(&w);
                if (!first) first = &w;
                last = &w;
                ++tokens[w.text].count;
            }
            if (pending_hyphen) split_halves.insert(first);
            unsigned char end = static_cast<unsigned char>(last->text.back());
            pending_hyphen = (end == '-' || end == 0xAC || end == 0x90) &&
                                     correct::is_line_hyphen(utf32_of(last->text).back())
                                 ? last
                                 : nullptr;
            if (pending_hyphen) split_halves.insert(last);
        }
    // Uses per lower-case word: the prior, and the guard that keeps a repeated unknown word
    // (a name) as it is.
    std::unordered_map<std::string, int> counts;
    for (const auto& [text, info] : tokens) {
        std::string core = correct::split_token(text).core;
        if (!core.empty()) counts[utf8_of(correct::lower(utf32_of(core)))] += info.count;
    }
    auto uses = [&](const std::string& w) {
        auto it = counts.find(w);
        return it == counts.end() ? 0 : it->second;
    };

    for (Page& page : doc)
        for (int li = 0; li < int(page.lines.size()); ++li) {
            Line& line = page.lines[li];
            if (line.removed) continue;
            for (int wi = 0; wi < int(line.words.size()); ++wi) {
                const Word& w = line.words[wi];
                if (w.removed || w.text.empty() || split_halves.count(&w)) continue;
                if (std::string alt = known_alternative(w, uses); !alt.empty()) {
                    page.replace_word(li, wi, alt, stage_name,
                                      "a reading the recogniser itself considered, which the "
                                      "lexicon knows");
                    continue;
                }
                TokenInfo& info = tokens[w.text];
                if (!info.decided) {
                    info.decided = true;
                    correct::TokenParts parts = correct::split_token(w.text);
                    if (!parts.core.empty()) {
                        std::string fixed = correct_impl(parts.core, uses, &info.reason, log);
                        if (!fixed.empty()) info.replacement = parts.lead + fixed + parts.trail;
                    }
                }
                if (!info.replacement.empty())
                    page.replace_word(li, wi, info.replacement, stage_name, info.reason);
            }
        }
}

}  // namespace scanfix
