// A page photographed in a bound volume rather than scanned flat: the sheet in slight
// perspective on a dark table, the gutter's shadow along the spine and the edge of the facing
// page beyond it, with the ends of that page's typed lines. Works on the page image (CV_32FC3).
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "noise_record.hpp"
#include "rng.hpp"
#include "typewriter.hpp"

namespace scanfix::samples {

struct Photograph {
    cv::Matx33d moved;             // where every point of the flat page went
    std::vector<NoiseItem> items;  // photographed, facing_page, gutter_shadow
};

// Replaces `page` by its photograph; the facing page is typed with `typewriter` at `pitch`.
Photograph photograph_in_volume(cv::Mat& page, Typewriter& typewriter, int pitch, double dpi,
                                Rng& rng);

// The bounding box of `box` after the perspective `moved`, clipped to `bounds`.
cv::Rect move_box(const cv::Rect& box, const cv::Matx33d& moved, cv::Size bounds);

}  // namespace scanfix::samples
