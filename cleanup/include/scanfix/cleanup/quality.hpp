// How good a reading is, without a reference: from what recognition returns (word confidences)
// and what the language knows (the share of words its lexicon has, the share of garbled tokens).
// Used to choose between two readings of the same lines, and written to every output so that
// users find their worst pages and lines without references (docs/quality.md).
#pragma once

#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

// How much each kind of evidence counts. The plausibility of a word is the chance it is read
// right, as estimated from its confidence c (0..1):
//   a word the lexicon knows        known_floor + (1 - known_floor) * c
//   a word it does not know         unknown_weight * c
//   a garbled token or a speck      garbled_weight * c
//   a number                        c
// Without a general dictionary (only word lists) every clean word counts as known would: c.
struct QualityParams {
    double known_floor = 0.6;
    double unknown_weight = 0.7;
    double garbled_weight = 0.1;
    template <class V>
    void describe(V& v) {
        v("known_floor", known_floor, 0.0, 1.0,
          "plausibility of a word the lexicon knows, read with no confidence at all");
        v("unknown_weight", unknown_weight, 0.0, 1.0,
          "share of its confidence an unknown (but clean-looking) word is trusted with");
        v("garbled_weight", garbled_weight, 0.0, 1.0,
          "share of its confidence a garbled token or a speck is trusted with");
    }
    void validate() const {}
};

// The plausibility (0..1) of one word read with this text and confidence.
double word_plausibility(const Word& word, const Lexicon* lexicon, const QualityParams& p);

// Characters (code points) of a word that count for quality: letters and digits.
int counted_characters(const std::string& text);

// Counts one word into an estimate (a line's, a page's): `known` and `garbled` as judged.
void add_to_quality(ReadingQuality& q, const Word& word, double plausibility, bool known,
                    bool garbled, bool has_lexicon);

// The estimate of a line's kept words.
ReadingQuality line_quality(const Line& line, const Lexicon* lexicon, const QualityParams& p);

// Sets Line::quality of every line and Page::quality from the kept words.
ReadingQuality estimate_page_quality(Page& page, const Lexicon* lexicon, const QualityParams& p);

}  // namespace scanfix
