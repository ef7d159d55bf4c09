// Projection-profile skew search and rotation; see deskew.hpp.
#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/image_loader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace scanfix {

namespace {

constexpr double kPi = 3.14159265358979323846;

// The bottom centre of every component shaped like a character: the baselines of the text
// lines (Baird's method). Borders, rules and stamps would otherwise decide the angle, and a few
// thousand points make the search cheap on any page size.
std::vector<cv::Point2f> character_feet(const cv::Mat& binary, int ch) {
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(binary == 0, labels, stats, centroids, 8, CV_32S);
    std::vector<cv::Point2f> pts;
    pts.reserve(n);
    for (int i = 1; i < n; ++i) {
        int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (h < ch / 2 || h > 2 * ch || w > 3 * ch) continue;
        pts.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT) + 0.5f * w,
                         float(stats.at<int>(i, cv::CC_STAT_TOP) + h));
    }
    return pts;
}

// Sharpness of the projection of the points on lines rotated by `degrees`: the sum of squared
// bin counts, largest when the text lines fall into the fewest rows.
double profile_sharpness(const std::vector<cv::Point2f>& pts, double degrees, int diag) {
    double a = degrees * kPi / 180.0, s = std::sin(a), c = std::cos(a);
    std::vector<int> bins(2 * diag + 2, 0);
    for (const auto& p : pts) {
        int y = int(std::lround(p.x * s + p.y * c)) + diag;
        if (y >= 0 && y < int(bins.size())) ++bins[y];
    }
    double sum = 0;
    for (int b : bins) sum += double(b) * b;
    return sum;
}

double best_angle(const std::vector<cv::Point2f>& pts, int diag, double from, double to,
                  double step) {
    double best = from, best_score = -1;
    for (double a = from; a <= to + 1e-9; a += step) {
        double score = profile_sharpness(pts, a, diag);
        if (score > best_score) best_score = score, best = a;
    }
    return best;
}

}  // namespace

SkewEstimate estimate_skew(const cv::Mat& binary, int character_height, const DeskewParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    SkewEstimate est;
    auto pts = character_feet(binary, std::max(4, character_height));
    if (pts.size() < 20) return est;
    int diag = int(std::hypot(binary.cols, binary.rows)) + 1;
    double a = best_angle(pts, diag, -p.max_degrees, p.max_degrees, 0.25);
    a = best_angle(pts, diag, a - 0.25, a + 0.25, 0.05);
    a = best_angle(pts, diag, a - 0.05, a + 0.05, 0.01);
    est.degrees = a;
    est.points = int(pts.size());
    return est;
}

cv::Mat deskew_transform(cv::Size page, double degrees, cv::Size* size) {
    cv::Point2f centre(page.width / 2.0f, page.height / 2.0f);
    cv::Mat m = cv::getRotationMatrix2D(centre, -degrees, 1.0);
    double a = std::abs(degrees) * kPi / 180.0;
    int w = int(std::ceil(page.width * std::cos(a) + page.height * std::sin(a)));
    int h = int(std::ceil(page.width * std::sin(a) + page.height * std::cos(a)));
    m.at<double>(0, 2) += (w - page.width) / 2.0;
    m.at<double>(1, 2) += (h - page.height) / 2.0;
    if (size) *size = {w, h};
    return m;
}

bool turned_page_fits(cv::Size page, double degrees) {
    cv::Size size;
    deskew_transform(page, degrees, &size);
    return std::max(size.width, size.height) <= kMaxPageSide;
}

cv::Mat rotate_page(const cv::Mat& image, double degrees, double fill, int interpolation) {
    cv::Size size;
    cv::Mat m = deskew_transform(image.size(), degrees, &size);
    cv::Mat out;
    cv::warpAffine(image, out, m, size, interpolation, cv::BORDER_CONSTANT, cv::Scalar::all(fill));
    return out;
}

cv::Rect rotate_box(const cv::Rect& box, const cv::Mat& m) {
    std::vector<cv::Point2f> corners = {
        cv::Point2f(box.x, box.y), cv::Point2f(box.x + box.width, box.y),
        cv::Point2f(box.x, box.y + box.height), cv::Point2f(box.x + box.width, box.y + box.height)};
    std::vector<cv::Point2f> out;
    cv::transform(corners, out, m);
    return cv::boundingRect(out);
}

}  // namespace scanfix
