// Punch holes: round blobs of a few millimetres near the page edge, black where the scanner lid
// shows through, or a grey ring where it was white. Found as round components of a dark mask,
// so both the grey page (before illumination) and the binary page (rings) can be searched.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct PunchHoleParams {
    bool enabled = true;
    double min_mm = 4.0;      // smallest hole diameter
    double max_mm = 9.0;      // largest hole diameter
    double roundness = 0.7;   // outline area / enclosing circle area
    double margin_mm = 35.0;  // holes lie within this distance of a page edge

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "remove punch holes in the margins");
        v("min_mm", min_mm, 1.0, 30.0, "smallest punch hole diameter (mm)");
        v("max_mm", max_mm, 1.0, 40.0, "largest punch hole diameter (mm)");
        v("roundness", roundness, 0.3, 1.0, "how round a blob must be (area / enclosing circle)");
        v("margin_mm", margin_mm, 1.0, 200.0, "distance from the page edge within which holes lie");
    }
    void validate() const {
        if (min_mm >= max_mm)
            throw ConfigError("", 0, "preprocess.punch_holes.min_mm must be below max_mm");
    }
};

struct PunchHole {
    cv::Point2f centre;
    float radius = 0;
    cv::Size page;  // of the image it was found on; a hole cut by the page edge ends there
    // The circle's bounding box, within the page.
    cv::Rect box() const;
};

// Round components of `dark` (255 = dark) of hole size lying in the page margins.
std::vector<PunchHole> find_punch_holes(const cv::Mat& dark, int dpi, const PunchHoleParams& p);

// Paints each hole (grown by a millimetre for its shadow rim) with `paper`.
void fill_punch_holes(cv::Mat& image, const std::vector<PunchHole>& holes, int dpi, double paper);

}  // namespace scanfix
