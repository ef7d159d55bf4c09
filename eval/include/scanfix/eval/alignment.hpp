// Edit distance and full alignment of two symbol sequences (grapheme clusters or words) in
// memory linear in their length. Exact distance: Myers/Hyyrö bit-parallel. Alignment: Hirschberg's
// divide and conquer driven by the bit-parallel rows; long texts are first cut at anchors
// (k-grams that occur once in each text, in order), as patience diff does, then each gap is
// aligned exactly. metrics.hpp turns alignments into CER/WER.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace scanfix::eval {

// One step of an alignment. Delete: a reference symbol missing from the hypothesis.
// Insert: a hypothesis symbol with no counterpart in the reference.
enum class EditOp : uint8_t { Match, Substitute, Delete, Insert };

struct Alignment {
    std::vector<EditOp> ops;  // walk both sequences from the start: Match/Substitute advance
                              // both, Delete the reference, Insert the hypothesis
    size_t matches = 0, substitutions = 0, deletions = 0, insertions = 0;
    // False when anchors were used: the cost is then an upper bound of the edit distance
    // (in practice equal; see docs/eval.md).
    bool exact = true;

    size_t cost() const { return substitutions + deletions + insertions; }
};

struct AlignOptions {
    // Problems up to this many cells (reference length x hypothesis length) are aligned exactly
    // without anchors (about 20 ms per 1e8 cells, a 10 000-character page, on one core).
    // 0 = always exact.
    double exact_cells = 1e8;
    // Length in symbols of the k-grams used as anchors in longer texts.
    int anchor_length = 12;
};

// Levenshtein distance (unit costs), exact, O(n*m/64) time, O(n) memory.
size_t edit_distance(const std::vector<uint32_t>& reference,
                     const std::vector<uint32_t>& hypothesis);

// A minimal-cost alignment (unit costs). Memory is linear in the lengths.
Alignment align(const std::vector<uint32_t>& reference, const std::vector<uint32_t>& hypothesis,
                const AlignOptions& options = {});

}  // namespace scanfix::eval
