// Measuring the typical character height of a page from its ink, so that window sizes, speckle
// limits and text-line spacing can follow the page instead of fixed pixel counts.
// Used by binarize.cpp, despeckle.cpp, deskew.cpp and page_detection.cpp.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct ResolutionParams {
    bool enabled = true;
    double type_mm = 2.3;    // median height of typewritten letters (mostly lower case)
    double tolerance = 2.0;  // the stated resolution stands unless off by more than this factor

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "measure the resolution from the type size when the stated one is far off");
        v("type_mm", type_mm, 1.0, 6.0,
          "median height of the typed letters (mm) the measured resolution assumes");
        v("tolerance", tolerance, 1.1, 10.0,
          "factor by which the measured resolution must differ from the stated one to replace it");
    }
    void validate() const {}
};

// Millimetres to pixels at the page's resolution.
inline double mm_to_px(double mm, int dpi) {
    return mm * dpi / 25.4;
}

// The median height in pixels of the character-sized connected components of `binary`
// (text 0 on 255). Components far too small (dust) or too large (rules, borders, stamps) for
// type at `dpi` are ignored. Returns a typewriter x-to-cap height estimate from the dpi when the
// page has too few characters to measure.
int estimate_character_height(const cv::Mat& binary, int dpi);

// The heights of the components of `binary` shaped like a character (no wider than three times
// their height, from 3 pixels to a twentieth of the page side) that stand in a row of letters:
// another such mark of about their height sits beside them on the same line. Dust, however
// much of it, rarely lines up; typing always does. When fewer than twenty marks stand in rows,
// every character-shaped mark counts. The measurements the functions below share.
std::vector<int> character_heights(const cv::Mat& binary);

// estimate_character_height() on heights already measured.
int character_height_at(const std::vector<int>& heights, int dpi);

// The median of the heights between min_h and max_h; `fallback` when fewer than twenty.
int median_height(std::vector<int> heights, int min_h, int max_h, int fallback);

// The resolution (dpi) at which the median of `heights` would be `type_mm` tall; 0 when there
// are too few. A check on the resolution a file states (or the loader assumes): archive scans
// saved at 96 or 72 dpi are common.
int resolution_from_type(const std::vector<int>& heights, double type_mm);

}  // namespace scanfix
