// Grey conversion and illumination flattening: the paper's own brightness (shadows near the
// binding, yellowed paper, scanner vignetting, photo light falloff) is estimated and divided out,
// so that a later local threshold sees dark ink on an even white page.
#pragma once

#include <opencv2/core.hpp>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct IlluminationParams {
    bool enabled = true;
    double kernel_mm = 3.0;  // wider than any pen or type stroke, narrower than a shadow
    int work_dpi = 50;       // resolution at which the background is estimated (speed)
    double smooth_mm = 8.0;  // blur of the estimate, hides block edges of the morphology

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "flatten uneven paper brightness before binarisation");
        v("kernel_mm", kernel_mm, 0.5, 30.0,
          "closing size that erases ink from the background estimate (mm)");
        v("work_dpi", work_dpi, 20, 300, "resolution for the background estimate");
        v("smooth_mm", smooth_mm, 0.0, 50.0, "smoothing of the background estimate (mm)");
    }
    void validate() const {}
};

// 8-bit grey from an 8-bit BGR, BGRA or grey image. Throws InputError for other types.
cv::Mat to_gray(const cv::Mat& image);

// The paper brightness under every pixel of `gray` (same size, CV_8UC1): ink removed by a
// grey-level closing at reduced resolution, then smoothed.
cv::Mat estimate_paper_background(const cv::Mat& gray, int dpi, const IlluminationParams& p);

// gray / background scaled so that paper becomes 255; ink keeps its contrast to the paper.
cv::Mat divide_background(const cv::Mat& gray, const cv::Mat& background);

}  // namespace scanfix
