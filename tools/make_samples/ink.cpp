// Ink masks and multiplicative ink on paper; see ink.hpp.
#include "ink.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix::samples {

cv::Rect place_mask(cv::Mat& dst, const cv::Mat& src, cv::Point at, double strength) {
    if (src.empty()) return {};
    cv::Rect target = cv::Rect(at, src.size()) & cv::Rect(0, 0, dst.cols, dst.rows);
    if (target.area() <= 0) return {};
    cv::Mat part = src(cv::Rect(target.tl() - at, target.size()));
    cv::Mat scaled;
    part.convertTo(scaled, CV_8U, strength);
    cv::Mat roi = dst(target);
    cv::max(roi, scaled, roi);
    return target;
}

void lay_ink(cv::Mat& paper, const cv::Mat& alpha, const cv::Scalar& colour, double opacity) {
    CV_Assert(paper.type() == CV_32FC3 && alpha.type() == CV_8UC1 && paper.size() == alpha.size());
    const float k = static_cast<float>(opacity / 255.0);
    const float absorb[3] = {static_cast<float>(1 - colour[0]), static_cast<float>(1 - colour[1]),
                             static_cast<float>(1 - colour[2])};
    for (int y = 0; y < paper.rows; ++y) {
        const uchar* a = alpha.ptr<uchar>(y);
        cv::Vec3f* p = paper.ptr<cv::Vec3f>(y);
        for (int x = 0; x < paper.cols; ++x) {
            if (!a[x]) continue;
            float t = a[x] * k;
            for (int c = 0; c < 3; ++c) p[x][c] *= 1.0f - t * absorb[c];
        }
    }
}

cv::Rect inked_box(const cv::Mat& alpha, cv::Point origin, int level) {
    if (alpha.empty()) return {};
    cv::Rect r = cv::boundingRect(alpha > level);
    if (r.area() <= 0) return {};
    return r + origin;
}

cv::Mat smooth_noise(cv::Size size, int cells, Rng& rng) {
    int longer = std::max(size.width, size.height);
    int gw = std::max(2, cells * size.width / longer + 2);
    int gh = std::max(2, cells * size.height / longer + 2);
    cv::Mat grid(gh, gw, CV_32F);
    for (int y = 0; y < gh; ++y)
        for (int x = 0; x < gw; ++x) grid.at<float>(y, x) = static_cast<float>(rng.unit());
    cv::Mat field;
    cv::resize(grid, field, size, 0, 0, cv::INTER_CUBIC);
    cv::min(cv::max(field, 0.0), 1.0, field);
    return field;
}

}  // namespace scanfix::samples
