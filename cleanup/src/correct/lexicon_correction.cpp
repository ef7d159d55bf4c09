// Lexicon correction by confusion-weighted candidates (see lexicon_correction.hpp).
// Candidates come from applying table confusions to the unknown word (and, on request, from
// hunspell's suggestions); each distinct word is decided once per document.
#include "scanfix/cleanup/lexicon_correction.hpp"

#include <cmath>
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

using correct::to_u32;
using correct::to_u8;

fs::path resolve(const std::string& dir, const std::string& file) {
    fs::path p(file);
    if (p.is_absolute() || fs::exists(p)) return p;
    return fs::path(dir) / p;
}

struct Candidate {
    double cost;
    int edits;
};

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
                                           std::string* reason) const {
    if (!correct::all_letters(word) || int(word.size()) < params_.min_length) return {};
    correct::CaseShape shape = correct::case_shape(word);
    if (shape == correct::CaseShape::Mixed) return {};
    if (shape == correct::CaseShape::Upper && int(word.size()) < params_.min_caps_length) return {};
    std::string word8 = to_u8(word);
    if (lexicon_->knows(word8)) return {};
    std::u32string lw = correct::lower(word);
    if (uses(to_u8(lw)) >= params_.keep_frequent) return {};

    // Candidates by confusion edits, breadth first: a second edit only where one edit found
    // no word, so common single misreadings stay cheap.
    std::map<std::u32string, Candidate> known;
    std::map<std::u32string, Candidate> frontier{{lw, {0, 0}}};
    for (int depth = 1; depth <= params_.max_edits && known.empty() && !frontier.empty(); ++depth) {
        std::map<std::u32string, Candidate> next;
        for (const auto& [form, cand] : frontier)
            for (const Confusion& c : table_.entries()) {
                double cost = cand.cost + c.cost;
                if (cost > params_.max_cost) continue;
                for (size_t pos = form.find(c.read); pos != std::u32string::npos;
                     pos = form.find(c.read, pos + 1)) {
                    std::u32string f =
                        form.substr(0, pos) + c.meant + form.substr(pos + c.read.size());
                    auto it = next.find(f);
                    if (f == lw || (it != next.end() && it->second.cost <= cost)) continue;
                    next[f] = {cost, depth};
                }
            }
        for (const auto& [form, cand] : next)
            if (lexicon_->knows(to_u8(correct::apply_case(form, shape)))) {
                auto it = known.find(form);
                if (it == known.end() || it->second.cost > cand.cost) known[form] = cand;
            }
        frontier = std::move(next);
    }
    if (params_.use_suggestions)
        for (const std::string& s : lexicon_->suggest(word8)) {
            std::u32string f = correct::lower(to_u32(s));
            if (f.find(U' ') != std::u32string::npos || f == lw) continue;
            double cost = table_.distance(lw, f, params_.generic_cost);
            if (cost > params_.max_cost) continue;
            auto it = known.find(f);
            if (it == known.end() || it->second.cost > cost) known[f] = {cost, 0};
        }
    if (known.empty()) return {};

    // Score: edit cost, lowered for words the document itself uses.
    const std::u32string* best = nullptr;
    double best_score = 1e9, second_score = 1e9, best_cost = 0;
    for (const auto& [form, cand] : known) {
        double score = cand.cost - params_.frequency_weight * std::log1p(uses(to_u8(form)));
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
    if (reason) {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unknown word; closest lexicon word at confusion cost %.2f",
                      best_cost);
        *reason = buf;
    }
    return to_u8(correct::apply_case(*best, shape));
}

std::string LexiconCorrector::correct_impl(const std::string& core,
                                           const std::function<int(const std::string&)>& uses,
                                           std::string* reason) const {
    std::u32string w = to_u32(core);
    if (w.empty() || correct::has_digit(w)) return {};
    if (w.find(U'-') == std::u32string::npos) return correct_word(w, uses, reason);
    // A hyphenated compound: each part on its own (Цзе-дуну, Народно-освободительной).
    if (lexicon_->knows(core)) return {};
    std::u32string out;
    bool changed = false;
    size_t start = 0;
    while (true) {
        size_t dash = w.find(U'-', start);
        std::u32string part =
            w.substr(start, dash == std::u32string::npos ? std::u32string::npos : dash - start);
        std::string fixed = correct_word(part, uses, reason);
        if (!fixed.empty()) {
            out += to_u32(fixed);
            changed = true;
        } else {
            out += part;
        }
        if (dash == std::u32string::npos) break;
        out += U'-';
        start = dash + 1;
    }
    return changed ? to_u8(out) : std::string();
}

void LexiconCorrector::run(Document& doc, const std::string& stage_name) const {
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
                if (!first) first = &w;
                last = &w;
                ++tokens[w.text].count;
            }
            if (pending_hyphen) split_halves.insert(first);
            unsigned char end = static_cast<unsigned char>(last->text.back());
            pending_hyphen = (end == '-' || end == 0xAC || end == 0x90) &&
                                     correct::is_line_hyphen(to_u32(last->text).back())
                                 ? last
                                 : nullptr;
            if (pending_hyphen) split_halves.insert(last);
        }
    // Uses per lower-case word: the prior, and the guard that keeps a repeated unknown word
    // (a name) as it is.
    std::unordered_map<std::string, int> counts;
    for (const auto& [text, info] : tokens) {
        std::string core = correct::split_token(text).core;
        if (!core.empty()) counts[to_u8(correct::lower(to_u32(core)))] += info.count;
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
                TokenInfo& info = tokens[w.text];
                if (!info.decided) {
                    info.decided = true;
                    correct::TokenParts parts = correct::split_token(w.text);
                    if (!parts.core.empty()) {
                        std::string fixed = correct_impl(parts.core, uses, &info.reason);
                        if (!fixed.empty()) info.replacement = parts.lead + fixed + parts.trail;
                    }
                }
                if (!info.replacement.empty())
                    page.replace_word(li, wi, info.replacement, stage_name, info.reason);
            }
        }
}

}  // namespace scanfix
