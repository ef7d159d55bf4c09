// Measuring the typical character height of a page from its ink, so that window sizes, speckle
// limits and text-line spacing can follow the page instead of fixed pixel counts.
// Used by binarize.cpp, despeckle.cpp, deskew.cpp and page_detection.cpp.
#pragma once

#include <opencv2/core.hpp>

namespace scanfix {

// Millimetres to pixels at the page's resolution.
inline double mm_to_px(double mm, int dpi) {
    return mm * dpi / 25.4;
}

// The median height in pixels of the character-sized connected components of `binary`
// (text 0 on 255). Components far too small (dust) or too large (rules, borders, stamps) for
// type at `dpi` are ignored. Returns a typewriter x-to-cap height estimate from the dpi when the
// page has too few characters to measure.
int estimate_character_height(const cv::Mat& binary, int dpi);

}  // namespace scanfix
