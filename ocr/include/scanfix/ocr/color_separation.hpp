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
    double min_chroma = 20;    // Lab chroma, off the paper-to-grey line, of coloured ink
    double faint_share = 0.3;  // near a stamp, ink of its colour this faint (× min_chroma) goes
    double min_tint = 0.15;    // ... if this colourful per unit of darkness (not tinted type)
    double dark_limit = 70;  // pixels darker than this (Lab L, 0..255) and fairly neutral are type
    double max_colored_share = 0.5;  // above this share of all ink, the typing itself is coloured
    double stamp_mm = 8;  // coloured marks at least this large are reported as Stamp regions

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "fade stamps and coloured pencil that differ in colour from the type");
        v("min_chroma", min_chroma, 5.0, 150.0,
          "colourfulness (Lab chroma away from the line between grey and the paper colour) from "
          "which ink counts as coloured");
        v("faint_share", faint_share, 0.05, 1.0,
          "near a stamp, share of min_chroma from which ink of the stamp's colour is faded");
        v("min_tint", min_tint, 0.0, 2.0,
          "near a stamp, colourfulness per unit of darkness (below the paper's lightness) that "
          "pale stamp ink has and type from a tinted ribbon has not");
        v("dark_limit", dark_limit, 0.0, 255.0,
          "darker pixels stay as type even when tinted (where stamps cross type)");
        v("max_colored_share", max_colored_share, 0.0, 1.0,
          "when more of the ink on the typed lines (or of all ink, when no lines are found) is "
          "coloured than this, the typing itself is coloured: ink of its colour is kept");
        v("stamp_mm", stamp_mm, 1.0, 100.0, "size from which a coloured mark is a Stamp region");
    }
    void validate() const {}
};

struct ColoredInk {
    cv::Mat mask;                    // 255 where coloured ink was found (CV_8UC1)
    double share_of_ink = 0;         // coloured ink / all ink on the page
    double share_of_typing = -1;     // coloured ink / ink of the typed lines (-1: no lines found)
    bool typing_is_colored = false;  // the typed lines are coloured: their colour is never faded
    cv::Point2f typing_hue;          // Lab a/b direction of the typing's colour, when coloured
    std::vector<cv::Rect> stamps;    // coloured marks of at least stamp_mm
};

// Finds coloured ink on an 8-bit BGR page. The colour of the typing is the colour of the ink on
// the page's rows of letters, whatever it is: when most of that ink is coloured (a violet or
// blue ribbon, a carbon copy), ink of the typing's colour is never taken for a stamp, and only
// marks of another colour are found. Grey input gives an empty result.
ColoredInk find_colored_ink(const cv::Mat& bgr, int dpi, const ColorSeparationParams& p);

// Sets the coloured ink of `gray` (same size as the colour page, already flattened so that
// paper is 255) to paper.
void fade_colored_ink(cv::Mat& gray, const ColoredInk& ink);

}  // namespace scanfix
