// Separating coloured ink from typed ink on colour scans: stamps, signatures and pencil marks in
// violet, blue or red differ in hue from the black or grey typewriter ribbon, so they can be
// faded to paper before binarisation while black type, even where a stamp crosses it, stays.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct ColorSeparationParams {
    bool enabled = true;
    double min_chroma = 30;  // Lab chroma, measured against the paper colour, of coloured ink
    double dark_limit = 70;  // pixels darker than this (Lab L, 0..255) and fairly neutral are type
    double max_colored_share = 0.5;  // above this share of all ink, the typing itself is coloured
    double stamp_mm = 8;  // coloured marks at least this large are reported as Stamp regions

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "fade stamps and coloured pencil that differ in colour from the type");
        v("min_chroma", min_chroma, 5.0, 150.0,
          "colourfulness (Lab chroma, paper balanced to white) from which ink counts as coloured");
        v("dark_limit", dark_limit, 0.0, 255.0,
          "darker pixels stay as type even when tinted (where stamps cross type)");
        v("max_colored_share", max_colored_share, 0.0, 1.0,
          "when more of the ink is coloured than this, the type itself is coloured: keep all");
        v("stamp_mm", stamp_mm, 1.0, 100.0, "size from which a coloured mark is a Stamp region");
    }
    void validate() const {}
};

struct ColoredInk {
    cv::Mat mask;                    // 255 where coloured ink was found (CV_8UC1)
    double share_of_ink = 0;         // coloured ink / all ink on the page
    bool typing_is_colored = false;  // true: nothing should be faded
    std::vector<cv::Rect> stamps;    // coloured marks of at least stamp_mm
};

// Finds coloured ink on an 8-bit BGR page. Grey input gives an empty result.
ColoredInk find_colored_ink(const cv::Mat& bgr, int dpi, const ColorSeparationParams& p);

// Sets the coloured ink of `gray` (same size as the colour page, already flattened so that
// paper is 255) to paper.
void fade_colored_ink(cv::Mat& gray, const ColoredInk& ink);

}  // namespace scanfix
