// Sheet quadrilateral search and perspective warp; see perspective.hpp.
#include "scanfix/ocr/perspective.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "scanfix/ocr/illumination.hpp"
#include "shrink.hpp"

namespace scanfix {

namespace {

// Orders four points as top-left, top-right, bottom-right, bottom-left.
std::array<cv::Point2f, 4> order_corners(const std::vector<cv::Point>& q, double inv_scale) {
    std::array<cv::Point2f, 4> c;
    auto sum = [](cv::Point p) { return p.x + p.y; };
    auto diff = [](cv::Point p) { return p.x - p.y; };
    c[0] = *std::min_element(q.begin(), q.end(), [&](auto a, auto b) { return sum(a) < sum(b); });
    c[2] = *std::max_element(q.begin(), q.end(), [&](auto a, auto b) { return sum(a) < sum(b); });
    c[1] = *std::max_element(q.begin(), q.end(), [&](auto a, auto b) { return diff(a) < diff(b); });
    c[3] = *std::min_element(q.begin(), q.end(), [&](auto a, auto b) { return diff(a) < diff(b); });
    for (auto& p : c) p *= float(inv_scale);
    return c;
}

double distance(cv::Point2f a, cv::Point2f b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace

SheetQuad find_sheet(const cv::Mat& image, const PerspectiveParams& p) {
    SheetQuad quad;
    cv::Mat gray = to_gray(image);
    // About 500 pixels across: type vanishes, the sheet edge stays.
    const double scale = std::min(1.0, 500.0 / std::max(gray.cols, gray.rows));
    cv::Mat small;
    shrink(gray, small, scale, cv::INTER_AREA);
    cv::GaussianBlur(small, small, {5, 5}, 0);
    cv::Mat bright;
    cv::threshold(small, bright, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    cv::morphologyEx(bright, bright, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(bright, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    if (contours.empty()) return quad;
    auto largest = std::max_element(contours.begin(), contours.end(), [](auto& a, auto& b) {
        return cv::contourArea(a) < cv::contourArea(b);
    });
    std::vector<cv::Point> hull, poly;
    cv::convexHull(*largest, hull);
    cv::approxPolyDP(hull, poly, 0.02 * cv::arcLength(hull, true), true);
    const double area = cv::contourArea(poly) / double(small.total());
    if (poly.size() != 4 || area < p.min_area || area > p.max_area) return quad;

    // A photographed sheet shows background all round; a scan whose paper reaches the image
    // edge somewhere is left to the border step.
    const int inset = std::max(2, int(0.02 * std::max(small.cols, small.rows)));
    for (const auto& pt : poly)
        if (pt.x < inset || pt.y < inset || pt.x >= small.cols - inset ||
            pt.y >= small.rows - inset)
            return quad;
    cv::Mat inside = cv::Mat::zeros(small.size(), CV_8UC1);
    cv::fillConvexPoly(inside, poly, cv::Scalar(255));
    double sheet = cv::mean(small, inside)[0], around = cv::mean(small, ~inside)[0];
    if (around > (1.0 - p.contrast) * sheet) return quad;
    quad.found = true;
    quad.corners = order_corners(poly, 1.0 / scale);
    return quad;
}

cv::Mat sheet_transform(const SheetQuad& q, cv::Size* size) {
    CV_Assert(q.found);
    const auto& c = q.corners;
    int w = int(std::max(distance(c[0], c[1]), distance(c[3], c[2])));
    int h = int(std::max(distance(c[0], c[3]), distance(c[1], c[2])));
    std::array<cv::Point2f, 4> to = {cv::Point2f(0, 0), cv::Point2f(w - 1.f, 0),
                                     cv::Point2f(w - 1.f, h - 1.f), cv::Point2f(0, h - 1.f)};
    if (size) *size = {w, h};
    return cv::getPerspectiveTransform(c.data(), to.data());
}

cv::Mat warp_sheet(const cv::Mat& image, const SheetQuad& q) {
    cv::Size size;
    cv::Mat m = sheet_transform(q, &size);
    cv::Mat out;
    cv::warpPerspective(image, out, m, size, cv::INTER_CUBIC, cv::BORDER_REPLICATE);
    return out;
}

}  // namespace scanfix
