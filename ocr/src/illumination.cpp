// Grey conversion and background division; see illumination.hpp.
#include "scanfix/ocr/illumination.hpp"

#include <algorithm>
#include <cstdint>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/character_size.hpp"
#include "shrink.hpp"

namespace scanfix {

cv::Mat to_gray(const cv::Mat& image) {
    if (image.empty()) throw InputError("", "empty image");
    if (image.depth() != CV_8U) throw InputError("", "only 8-bit images can be preprocessed");
    cv::Mat gray;
    switch (image.channels()) {
        case 1:
            gray = image.clone();
            break;
        case 3:
            cv::cvtColor(image, gray, cv::COLOR_BGR2GRAY);
            break;
        case 4:
            cv::cvtColor(image, gray, cv::COLOR_BGRA2GRAY);
            break;
        default:
            throw InputError("", "unsupported number of colour channels");
    }
    return gray;
}

namespace {
int odd_at_least(double v, int lo) {
    return std::max(lo, int(v) | 1);
}
}  // namespace

cv::Mat estimate_paper_background(const cv::Mat& gray, int dpi, const IlluminationParams& p) {
    CV_Assert(gray.type() == CV_8UC1);
    double scale = std::min(1.0, double(p.work_dpi) / std::max(1, dpi));
    cv::Mat small;
    shrink(gray, small, scale, cv::INTER_AREA);
    const int work = std::max(1, int(dpi * scale));
    // The closing replaces every stroke thinner than the kernel by the paper around it.
    int k = odd_at_least(mm_to_px(p.kernel_mm, work), 3);
    cv::Mat closed;
    cv::morphologyEx(small, closed, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_ELLIPSE, {k, k}));
    // A median first removes what survived the closing in isolated spots (dense bold
    // headings), then a Gaussian hides the blocky shape of the structuring element.
    cv::medianBlur(closed, closed, std::min(odd_at_least(k * 1.5, 3), 255));
    int s = odd_at_least(mm_to_px(p.smooth_mm, work), 1);
    if (s > 1) cv::GaussianBlur(closed, closed, {s, s}, 0);
    cv::Mat background;
    cv::resize(closed, background, gray.size(), 0, 0, cv::INTER_LINEAR);
    return background;
}

cv::Mat divide_background(const cv::Mat& gray, const cv::Mat& background) {
    CV_Assert(gray.size() == background.size() && gray.type() == CV_8UC1);
    // gray * 255 / background with a table of fixed-point reciprocals: one multiply per pixel
    // instead of a floating-point division (black scanner edges: no division by zero).
    uint32_t reciprocal[256];
    for (int b = 0; b < 256; ++b) reciprocal[b] = (255u << 16) / uint32_t(std::max(b, 1));
    cv::Mat out(gray.size(), CV_8UC1);
    for (int y = 0; y < gray.rows; ++y) {
        const uchar* g = gray.ptr<uchar>(y);
        const uchar* b = background.ptr<uchar>(y);
        uchar* o = out.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; ++x) {
            uint32_t v = (g[x] * reciprocal[b[x]] + (1u << 15)) >> 16;
            o[x] = uchar(std::min(v, 255u));
        }
    }
    return out;
}

}  // namespace scanfix
