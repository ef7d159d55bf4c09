// Sauvola, Wolf and Otsu thresholding; see binarize.hpp.
#include "scanfix/ocr/binarize.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace scanfix {

int binarize_window(const BinarizeParams& p, int character_height) {
    if (p.window > 0) return p.window;
    return std::max(15, int(p.window_chars * character_height) | 1);
}

namespace {

// The local threshold surface of Sauvola or Wolf at reduced resolution, scaled back up. The
// window mean and deviation change slowly over a window of two character heights, so they
// are measured on a copy shrunk about eight times per window side: the same thresholds at a
// small part of the cost of full-resolution box filters.
cv::Mat local_thresholds(const cv::Mat& gray, const BinarizeParams& p, int window) {
    const int f = std::max(1, window / 8);
    cv::Mat small;
    if (f > 1)
        cv::resize(gray, small, cv::Size((gray.cols + f - 1) / f, (gray.rows + f - 1) / f), 0, 0,
                   cv::INTER_AREA);
    else
        small = gray;
    cv::Mat g;
    small.convertTo(g, CV_32F);
    const int w = std::max(3, (window / f) | 1);
    cv::Mat mean, sq;
    cv::boxFilter(g, mean, CV_32F, {w, w}, {-1, -1}, true, cv::BORDER_REPLICATE);
    cv::sqrBoxFilter(g, sq, CV_32F, {w, w}, {-1, -1}, true, cv::BORDER_REPLICATE);
    cv::Mat sd = sq - mean.mul(mean);
    cv::max(sd, 0, sd);
    cv::sqrt(sd, sd);
    cv::Mat thr;
    const float k = float(p.k);
    if (p.method == "wolf") {
        double min_gray = 0, max_sd = 0;
        cv::minMaxLoc(g, &min_gray);
        cv::minMaxLoc(sd, nullptr, &max_sd);
        max_sd = std::max(max_sd, 1e-3);
        // T = m - k (1 - s / max_s) (m - min)
        thr = mean - k * (1.0f - sd / float(max_sd)).mul(mean - float(min_gray));
    } else {
        // T = m (1 + k (s / R - 1))
        thr = mean.mul(1.0f + k * (sd / float(p.r) - 1.0f));
    }
    cv::Mat thr8;
    thr.convertTo(thr8, CV_8U);
    if (f == 1) return thr8;
    cv::Mat full;
    cv::resize(thr8, full, cv::Size(small.cols * f, small.rows * f), 0, 0, cv::INTER_LINEAR);
    return full(cv::Rect(0, 0, gray.cols, gray.rows));
}

}  // namespace

cv::Mat binarize(const cv::Mat& gray, const BinarizeParams& p, int character_height) {
    CV_Assert(gray.type() == CV_8UC1);
    cv::Mat out;
    if (p.method == "otsu") {
        cv::threshold(gray, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        return out;
    }
    // Ink where the grey is at or below the local threshold.
    cv::Mat thr = local_thresholds(gray, p, binarize_window(p, character_height));
    cv::compare(gray, thr, out, cv::CMP_GT);
    return out;
}

}  // namespace scanfix
