// Error attribution for --keep-noise output; see attribution.hpp. The marks are swapped for
// private-use characters before normalisation (which could strip ⟦ ⟧ as punctuation), then
// each grapheme of the hypothesis is tagged kept or removed and the alignment classified.
#include "scanfix/eval/attribution.hpp"

#include <vector>

#include "scanfix/core/text.hpp"
#include "scanfix/eval/graphemes.hpp"

namespace scanfix::eval {

namespace {

const std::string kOpen = "\u27E6", kClose = "\u27E7";  // ⟦ ⟧
const std::string kOpenPua = "\uE000", kClosePua = "\uE001";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size())
        s.replace(at, from.size(), to);
    return s;
}

bool is_space_cluster(std::string_view c) {
    return c == " " || c == "\n" || c == "\t";
}

}  // namespace

bool has_removal_marks(const std::string& text) {
    return text.find(kOpen) != std::string::npos;
}

std::string without_removed(const std::string& marked) {
    std::string out;
    out.reserve(marked.size());
    int depth = 0;
    for (size_t i = 0; i < marked.size();) {
        if (marked.compare(i, kOpen.size(), kOpen) == 0) {
            ++depth, i += kOpen.size();
        } else if (marked.compare(i, kClose.size(), kClose) == 0) {
            depth = depth > 0 ? depth - 1 : 0, i += kClose.size();
        } else {
            if (depth == 0) out += marked[i];
            ++i;
        }
    }
    return out;
}

ErrorAttribution& ErrorAttribution::operator+=(const ErrorAttribution& o) {
    recognition += o.recognition;
    wrongly_removed += o.wrongly_removed;
    noise_kept += o.noise_kept;
    correctly_removed += o.correctly_removed;
    reference_length += o.reference_length;
    return *this;
}

ErrorAttribution attribute_errors(const std::string& reference,
                                  const std::string& marked_hypothesis,
                                  const NormalizeOptions& normalize,
                                  const AlignOptions& align_options) {
    std::string ref = normalize_text(decode_text(reference, "reference"), normalize);
    std::string hyp = decode_text(marked_hypothesis, "hypothesis");
    hyp = normalize_text(replace_all(replace_all(hyp, kOpen, kOpenPua), kClose, kClosePua),
                         normalize);

    SymbolTable table(normalize.whitespace);
    GraphemeText r = split_graphemes(std::move(ref), table);
    GraphemeText h = split_graphemes(std::move(hyp), table);

    // The full hypothesis without marks, each cluster tagged removed or kept.
    std::vector<Symbol> full;
    std::vector<bool> removed;
    std::vector<bool> space;
    int depth = 0;
    bool space_before_span = true;  // the removed span starts the text or follows a space
    for (size_t i = 0; i < h.size(); ++i) {
        std::string_view c = h.cluster(i);
        if (c == kOpenPua) {
            if (depth++ == 0) space_before_span = space.empty() || space.back();
            continue;
        }
        if (c == kClosePua) {
            depth = depth > 0 ? depth - 1 : 0;
            // The space after a removed word vanishes with it when one precedes it too.
            if (depth == 0 && space_before_span && i + 1 < h.size() &&
                is_space_cluster(h.cluster(i + 1))) {
                full.push_back(h.symbols[i + 1]);
                removed.push_back(true);
                space.push_back(true);
                ++i;
            }
            continue;
        }
        full.push_back(h.symbols[i]);
        removed.push_back(depth > 0);
        space.push_back(is_space_cluster(c));
    }

    Alignment al = align(r.symbols, full, align_options);

    // Which hypothesis positions are inserted, to find kept words absent from the reference.
    std::vector<bool> inserted(full.size(), false);
    for (size_t j = 0, k = 0; k < al.ops.size(); ++k) {
        EditOp op = al.ops[k];
        if (op == EditOp::Insert) inserted[j] = true;
        if (op != EditOp::Delete) ++j;
    }
    std::vector<bool> noise_word(full.size(), false);
    for (size_t j = 0; j < full.size();) {
        if (space[j]) {
            ++j;
            continue;
        }
        size_t end = j;
        bool all_inserted_kept = true;
        for (; end < full.size() && !space[end]; ++end)
            all_inserted_kept = all_inserted_kept && inserted[end] && !removed[end];
        if (all_inserted_kept)
            for (size_t x = j; x < end; ++x) noise_word[x] = true;
        j = end;
    }
    // An extra kept space goes with kept noise when the nearest kept word on either side
    // (removed text skipped) is noise: without the noise it would not be there.
    std::vector<bool> noise_space(full.size(), false);
    for (int pass = 0; pass < 2; ++pass) {
        bool neighbour_is_noise = false;
        for (size_t x = 0; x < full.size(); ++x) {
            size_t j = pass == 0 ? x : full.size() - 1 - x;
            if (removed[j]) continue;
            if (!space[j])
                neighbour_is_noise = noise_word[j];
            else if (inserted[j] && neighbour_is_noise)
                noise_space[j] = true;
        }
    }
    for (size_t j = 0; j < full.size(); ++j) noise_word[j] = noise_word[j] || noise_space[j];

    ErrorAttribution a;
    a.reference_length = r.size();
    for (size_t j = 0, k = 0; k < al.ops.size(); ++k) {
        switch (al.ops[k]) {
            case EditOp::Match:
                if (removed[j]) ++a.wrongly_removed;
                ++j;
                break;
            case EditOp::Substitute:
                ++(removed[j] ? a.wrongly_removed : a.recognition);
                ++j;
                break;
            case EditOp::Delete:
                ++a.recognition;
                break;
            case EditOp::Insert:
                if (removed[j])
                    ++a.correctly_removed;
                else
                    ++(noise_word[j] ? a.noise_kept : a.recognition);
                ++j;
                break;
        }
    }
    return a;
}

}  // namespace scanfix::eval
