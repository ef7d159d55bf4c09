// Round-blob search for punch holes; see punch_holes.hpp.
#include "scanfix/ocr/punch_holes.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/character_size.hpp"
#include "shrink.hpp"

namespace scanfix {

cv::Rect PunchHole::box() const {
    int r = int(std::ceil(radius));
    cv::Rect circle(int(centre.x) - r, int(centre.y) - r, 2 * r + 1, 2 * r + 1);
    return page.empty() ? circle : circle & cv::Rect({}, page);
}

std::vector<PunchHole> find_punch_holes(const cv::Mat& dark, int dpi, const PunchHoleParams& p) {
    CV_Assert(dark.type() == CV_8UC1);
    // The search runs on a copy shrunk until the smallest hole is about ten pixels across:
    // outlines that coarse still tell a round hole from a letter, at a small part of the cost.
    const int f = std::max(1, int(mm_to_px(p.min_mm, dpi) / 10));
    cv::Mat small;
    if (f > 1) {
        cv::resize(dark, small, divided(dark.size(), f), 0, 0, cv::INTER_AREA);
        small = small > 0;  // a thin ring (a hole over a white lid) stays closed
    } else {
        small = dark.clone();
    }
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(small, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_NONE);
    const double r_min = mm_to_px(p.min_mm, dpi) / 2 / f, r_max = mm_to_px(p.max_mm, dpi) / 2 / f;
    const double margin = mm_to_px(p.margin_mm, dpi) / f;
    std::vector<PunchHole> holes;
    for (const auto& c : contours) {
        cv::Rect b = cv::boundingRect(c);
        if (b.width < 2 * r_min || b.height < 2 * r_min) continue;
        if (b.width > 2 * r_max + 2 || b.height > 2 * r_max + 2) continue;
        PunchHole h;
        cv::minEnclosingCircle(c, h.centre, h.radius);
        if (h.radius < r_min || h.radius > r_max) continue;
        double area = cv::contourArea(c);
        if (area < p.roundness * CV_PI * h.radius * h.radius) continue;
        double to_edge =
            std::min({double(h.centre.x), double(h.centre.y), small.cols - double(h.centre.x),
                      small.rows - double(h.centre.y)});
        if (to_edge > margin) continue;
        h.centre = (h.centre + cv::Point2f(0.5f, 0.5f)) * float(f);
        h.radius *= float(f);
        h.page = dark.size();
        holes.push_back(h);
    }
    return holes;
}

void fill_punch_holes(cv::Mat& image, const std::vector<PunchHole>& holes, int dpi, double paper) {
    const int rim = std::max(1, int(mm_to_px(1.0, dpi)));
    for (const auto& h : holes)
        cv::circle(image, h.centre, int(h.radius) + rim, cv::Scalar::all(paper), cv::FILLED);
}

}  // namespace scanfix
