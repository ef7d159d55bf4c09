// Office stamps: a round seal with lettering around the rim and a word in the middle, or a
// rectangular registration stamp with a few lines, in patchy semi-transparent ink.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "rng.hpp"
#include "typeface.hpp"

namespace scanfix::samples {

struct StampDesign {
    bool round = true;
    std::string rim;                 // lettering around a round stamp
    std::vector<std::string> lines;  // lines in the middle (round) or the box (rectangular)
    bool framed = true;              // a rectangular stamp's double frame
    // All lettering, rim first, one line each, as recorded in the noise record.
    std::string text() const;
};

// One of a few made-up stamp designs of the period.
StampDesign pick_stamp_design(Rng& rng);

// The stamp's ink mask (CV_8UC1), about `size_px` across, turned by a random angle.
cv::Mat draw_stamp(const std::string& font_file, const StampDesign& design, int size_px, Rng& rng);

// One of a few made-up "received" stamps: a few lines of lettering without a frame.
StampDesign pick_received_design(Rng& rng);
// The same mask struck sideways: its lines run up or down the page (a quarter turn either way,
// a few degrees off).
cv::Mat draw_turned_stamp(const std::string& font_file, const StampDesign& design, int size_px,
                          Rng& rng);

}  // namespace scanfix::samples
