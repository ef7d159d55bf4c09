// Where the errors of a cleaned hypothesis come from: recognition, text the cleanup removed
// although the reference has it, or noise it kept. Works on scanfix output written with
// --keep-noise, where removed words are wrapped as ⟦word⟧ (core/layout.hpp).
#pragma once

#include <string>

#include "scanfix/eval/alignment.hpp"
#include "scanfix/eval/normalize.hpp"

namespace scanfix::eval {

// True when the text carries ⟦removed⟧ marks.
bool has_removal_marks(const std::string& text);

// The text the cleanup kept: marked words and their marks dropped.
std::string without_removed(const std::string& marked);

// Character counts (grapheme clusters) of an alignment of the reference against the full
// hypothesis (kept and removed text). recognition + wrongly_removed + noise_kept is the cost of
// that alignment seen on the kept text: at least, and in practice equal to, its edit distance.
struct ErrorAttribution {
    size_t recognition = 0;        // substituted, missing or extra characters in kept words
    size_t wrongly_removed = 0;    // reference text the cleanup removed
    size_t noise_kept = 0;         // whole kept words (and their spaces) absent from the reference
    size_t correctly_removed = 0;  // removed characters absent from the reference (not errors)
    size_t reference_length = 0;

    size_t errors() const { return recognition + wrongly_removed + noise_kept; }
    ErrorAttribution& operator+=(const ErrorAttribution& other);
};

ErrorAttribution attribute_errors(const std::string& reference,
                                  const std::string& marked_hypothesis,
                                  const NormalizeOptions& normalize = {},
                                  const AlignOptions& align = {});

}  // namespace scanfix::eval
