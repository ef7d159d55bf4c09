// Skew of the typed lines and its correction. The angle comes from the text itself (projection
// profiles of character-sized components), so the page border, rules and stamps do not pull it;
// the rotation fills uncovered corners with white and enlarges the canvas so no text is cut.
#pragma once

#include <opencv2/core.hpp>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct DeskewParams {
    bool enabled = true;
    double max_degrees = 10.0;  // search range ±
    double min_degrees = 1.0;   // smaller skews are left to Tesseract (rotation blurs type)

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "measure and correct the skew of text lines");
        v("max_degrees", max_degrees, 0.5, 45.0, "largest skew searched for (degrees, ±)");
        v("min_degrees", min_degrees, 0.0, 5.0, "skews below this are not corrected (degrees)");
    }
    void validate() const {
        if (min_degrees >= max_degrees)
            throw ConfigError("", 0, "preprocess.deskew.min_degrees must be below max_degrees");
    }
};

struct SkewEstimate {
    double degrees = 0;  // counter-clockwise angle of the text lines as seen on the image
    int points = 0;      // ink pixels the estimate rests on; 0 = nothing to measure
};

// Searches ±p.max_degrees coarse to fine (to 0.02°) for the angle at which the horizontal
// projection of character-sized ink is sharpest. `binary` is text 0 on 255.
SkewEstimate estimate_skew(const cv::Mat& binary, int character_height, const DeskewParams& p);

// The affine transform rotate_page() applies: rotation by -degrees about the centre, shifted
// so the whole rotated page fits; `size` receives the new canvas size.
cv::Mat deskew_transform(cv::Size page, double degrees, cv::Size* size);

// True when the page turned by -degrees still fits the largest page (kMaxPageSide) that
// OpenCV's transforms and Tesseract can take.
bool turned_page_fits(cv::Size page, double degrees);

// `image` rotated by -degrees (undoing a skew of `degrees`), corners filled with `fill`.
cv::Mat rotate_page(const cv::Mat& image, double degrees, double fill = 255,
                    int interpolation = 1 /* cv::INTER_LINEAR */);

// A box carried through the same rotation (the bounding box of its rotated corners).
cv::Rect rotate_box(const cv::Rect& box, const cv::Mat& transform);

}  // namespace scanfix
