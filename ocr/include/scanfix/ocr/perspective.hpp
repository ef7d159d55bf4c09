// Finding the sheet on a photographed page: the largest bright quadrilateral against a darker
// background, warped to an upright rectangle. Scans and photos that show no clear sheet edge
// are left as they are.
#pragma once

#include <array>
#include <opencv2/core.hpp>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct PerspectiveParams {
    bool enabled = true;
    double min_area = 0.2;   // the sheet covers at least this share of the photo
    double max_area = 0.97;  // above this the photo is all sheet: nothing to correct
    double contrast = 0.25;  // background at least this much darker than the sheet (share)

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "correct the perspective of photographed sheets");
        v("min_area", min_area, 0.05, 1.0, "smallest share of the photo the sheet may cover");
        v("max_area", max_area, 0.05, 1.0, "largest share of the photo the sheet may cover");
        v("contrast", contrast, 0.0, 1.0,
          "how much darker (share of sheet brightness) the background must be");
    }
    void validate() const {
        if (min_area >= max_area)
            throw ConfigError("", 0, "preprocess.perspective.min_area must be below max_area");
    }
};

struct SheetQuad {
    bool found = false;
    std::array<cv::Point2f, 4> corners;  // top-left, top-right, bottom-right, bottom-left
};

// The sheet's corners in `image` (BGR or grey), or found=false when there is no clear sheet.
SheetQuad find_sheet(const cv::Mat& image, const PerspectiveParams& p);

// The perspective map from the photo to the upright sheet warp_sheet() makes (3x3, CV_64F);
// `size` receives the sheet's size: as large as its longer opposite edges.
cv::Mat sheet_transform(const SheetQuad& quad, cv::Size* size);

// The sheet warped to an upright rectangle (sheet_transform()).
cv::Mat warp_sheet(const cv::Mat& image, const SheetQuad& quad);

}  // namespace scanfix
