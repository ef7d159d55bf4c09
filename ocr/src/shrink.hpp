// Shrinking a page for a coarse search (borders at 50 dpi, the sheet at 500 pixels across...)
// without rounding a side to 0 pixels: a strip of 20000 x 20 pixels shrunk twenty times is
// still one pixel high, not an empty image OpenCV refuses. Private to the ocr module.
#pragma once

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix {

// cv::resize by `scale` in both directions, sized as OpenCV sizes it, but at least 1 x 1.
inline void shrink(const cv::Mat& src, cv::Mat& dst, double scale, int interpolation) {
    const int w = cvRound(src.cols * scale), h = cvRound(src.rows * scale);
    if (w >= 1 && h >= 1)
        cv::resize(src, dst, cv::Size(), scale, scale, interpolation);
    else
        cv::resize(src, dst, cv::Size(std::max(1, w), std::max(1, h)), 0, 0, interpolation);
}

// The size of `size` divided by a whole factor, at least 1 x 1.
inline cv::Size divided(cv::Size size, int factor) {
    return {std::max(1, size.width / factor), std::max(1, size.height / factor)};
}

}  // namespace scanfix
