// Sauvola, Wolf and Otsu thresholding; see binarize.hpp.
#include "scanfix/ocr/binarize.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <opencv2/ximgproc.hpp>

namespace scanfix {

int binarize_window(const BinarizeParams& p, int character_height) {
    if (p.window > 0) return p.window;
    return std::max(15, int(p.window_chars * character_height) | 1);
}

cv::Mat binarize(const cv::Mat& gray, const BinarizeParams& p, int character_height) {
    CV_Assert(gray.type() == CV_8UC1);
    cv::Mat out;
    if (p.method == "otsu") {
        cv::threshold(gray, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        return out;
    }
    int method =
        p.method == "wolf" ? cv::ximgproc::BINARIZATION_WOLF : cv::ximgproc::BINARIZATION_SAUVOLA;
    cv::ximgproc::niBlackThreshold(gray, out, 255, cv::THRESH_BINARY,
                                   binarize_window(p, character_height), p.k, method, p.r);
    return out;
}

}  // namespace scanfix
