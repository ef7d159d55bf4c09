// Dark dust among the lines: dot-sized marks as dark as the type that sit where no punctuation,
// accent or piece of a letter can be. A typed full stop or comma sits on the baseline beside a
// letter, a quote at the top of the line, an accent just above its letter, a colon or an
// ellipsis in a group of dots, a dash is wider than tall, and a fragment of broken type lies in
// its letter's box. Any other dot is dust: it goes from the binary and the grey page, so the
// recognizer does not read it as "." "," or "'". Judged by place, not by size, since dust the
// size of a full stop is common on archival scans. Pale dust is in faint_specks.hpp.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct DustParams {
    bool enabled = true;
    double max_size = 0.45;        // marks up to this size (× character height) are judged
    double beside_gap = 0.8;       // punctuation lies this close beside a letter of its line...
    double line_tolerance = 0.15;  // ...on the baseline or the top line, within this
    double accent_gap = 0.5;       // an accent lies this close above its letter
    double group_distance = 0.5;   // marks this close together are a colon, ellipsis or fragments
    double dash_elongation = 2.0;  // a mark this many times wider than tall is a dash

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "remove dot-sized marks that lie where no punctuation, accent or letter part can be, "
          "from the binary and the grey page");
        v("max_size", max_size, 0.05, 2.0, "largest mark (character heights) judged by its place");
        v("beside_gap", beside_gap, 0.0, 3.0,
          "punctuation lies within this many character heights beside a letter");
        v("line_tolerance", line_tolerance, 0.0, 1.0,
          "punctuation lies this close (character heights) to its line's baseline or top");
        v("accent_gap", accent_gap, 0.0, 2.0,
          "an accent lies within this many character heights above its letter");
        v("group_distance", group_distance, 0.0, 3.0,
          "dots this close (character heights) to another dot are kept as a group");
        v("dash_elongation", dash_elongation, 1.0, 10.0,
          "marks this many times wider than tall are dashes and kept");
    }
    void validate() const {}
};

// Marks in `dust` (index = label) the dot-sized components wholly inside `within` (the text
// column) that are dust by their place. Components marked in `ignore` (page edges) are neither
// judged nor count as letters. Returns the boxes of the dust found.
std::vector<cv::Rect> find_dust(const InkComponents& components, int character_height,
                                const DustParams& p, const std::vector<uint8_t>& ignore,
                                const cv::Rect& within, std::vector<uint8_t>& dust);

}  // namespace scanfix
