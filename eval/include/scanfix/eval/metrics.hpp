// Character and word error rates of a hypothesis against a reference: normalise both
// (normalize.hpp), split into grapheme clusters (graphemes.hpp) and words, align
// (alignment.hpp) and count. `evaluate` is the entry point for other modules (tune, e2e tests);
// `compare_texts` keeps the alignments for reports (confusions.hpp, report_html.hpp).
#pragma once

#include <string>
#include <vector>

#include "scanfix/eval/alignment.hpp"
#include "scanfix/eval/graphemes.hpp"
#include "scanfix/eval/normalize.hpp"

namespace scanfix::eval {

struct EditCounts {
    size_t substitutions = 0, deletions = 0, insertions = 0;
    size_t reference_length = 0, hypothesis_length = 0;

    size_t errors() const { return substitutions + deletions + insertions; }
    // errors / reference_length. An empty reference has rate 0 against an empty hypothesis,
    // otherwise errors / 1 (the number of inserted units): never a division by zero, and
    // visibly wrong rather than silently perfect.
    double rate() const;
    EditCounts& operator+=(const EditCounts& other);
};

EditCounts count_edits(const Alignment& alignment);

struct EvalResult {
    EditCounts characters;  // grapheme clusters
    EditCounts words;       // whitespace-separated words
    bool exact = true;      // both alignments exact (see Alignment::exact)

    double cer() const { return characters.rate(); }
    double wer() const { return words.rate(); }
};

// One comparison with everything a report shows.
struct Comparison {
    GraphemeText reference, hypothesis;  // normalised texts, split into grapheme clusters
    Alignment characters;
    std::vector<std::string> reference_words, hypothesis_words;
    Alignment words;
    EvalResult result;
};

// Words of a normalised text: maximal runs of non-whitespace.
std::vector<std::string> split_words(const std::string& text);

// Compares two texts (UTF-8; validated, CRLF folded and NFC applied here, so raw strings are
// fine). ⟦removed⟧ marks are not interpreted here: strip them with without_removed() or use
// batch.hpp's add_page (attribution.hpp). Throws InputError for malformed UTF-8.
Comparison compare_texts(const std::string& reference, const std::string& hypothesis,
                         const NormalizeOptions& normalize = {}, const AlignOptions& align = {});

// CER and WER with counts, without keeping the alignment.
EvalResult evaluate(const std::string& reference, const std::string& hypothesis,
                    const NormalizeOptions& normalize = {}, const AlignOptions& align = {});

}  // namespace scanfix::eval
