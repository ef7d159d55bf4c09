// Underlines and ruled lines: thin horizontal strokes several letters long, under a heading, a
// signature line or a form's rule. Touching the descenders and the feet of the letters above,
// they join a whole line of type into one shape that the recognizer misreads («g» becomes «e»,
// a rule's end becomes a letter). They are removed from the binary and the grey page, except
// where a letter's stroke crosses them, so descenders stay whole.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

// Off by default: on pages with stamp boxes and handwriting (EHRI DK_01 of 19431213) the freed
// handwriting was read as text, which cost more than the underlined headings gained.
struct UnderlineParams {
    bool enabled = false;
    double min_length = 4.0;      // strokes at least this long (× character height) are rules
    double max_thickness = 0.35;  // ... when no thicker than this (× character height)

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "remove underlines and ruled lines, keeping the letters they touch");
        v("min_length", min_length, 1.0, 100.0,
          "shortest horizontal stroke (character heights) that is a rule, not part of a letter");
        v("max_thickness", max_thickness, 0.02, 1.0,
          "thickest stroke (character heights) that is a rule, not a bar or a page edge");
    }
    void validate() const {}
};

// A thin straight stroke: its box, one of its pixels, and whether it runs across (else down).
struct StraightStroke {
    cv::Rect box;
    cv::Point at;
    bool across = true;
};

// The thin straight strokes of `ink` (255 = ink) at least `length` pixels long, across or down,
// no thicker on average than `thickness` pixels, lying wholly within `within`; `mask` becomes
// 255 on their pixels. A stroke within the residual skew of a deskewed page (under a degree)
// still has runs that long.
std::vector<StraightStroke> find_straight_strokes(const cv::Mat& ink, bool across, int length,
                                                  double thickness, const cv::Rect& within,
                                                  cv::Mat& mask);

// Finds the rules on `binary` (text 0 on 255) and paints them as paper on `binary` and on
// `gray` (same size; with the grey rim of the rule, never over the letters), keeping each
// column where ink continues above or below the rule (a letter crossing it). Returns the
// rules' boxes. Only rules lying wholly within `within` count; by default that is the image
// less three character heights at each edge (strokes there are the paper's or the scanner's
// edge, which the border step removes whole).
std::vector<cv::Rect> remove_underlines(cv::Mat& binary, cv::Mat& gray, int character_height,
                                        const UnderlineParams& p, cv::Rect within = {});

}  // namespace scanfix
