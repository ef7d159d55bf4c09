// Handling and scanning defects; see scan_defects.hpp.
#include "scan_defects.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace scanfix::samples {
namespace {

cv::Rect whole(const cv::Mat& m) {
    return {0, 0, m.cols, m.rows};
}

}  // namespace

std::vector<NoiseItem> punch_holes(cv::Mat& page, double dpi, Rng& rng) {
    const double mm = dpi / 25.4;
    const int radius = static_cast<int>(std::lround(rng.uniform(2.6, 3.1) * mm));
    // Close to the edge, so a margin column typed in the left margin stays clear of the holes.
    const int cx = static_cast<int>(std::lround(rng.uniform(8.0, 10.5) * mm));
    const int mid = page.rows / 2 + static_cast<int>(rng.uniform(-4, 4) * mm);
    const float shade = static_cast<float>(rng.uniform(0.08, 0.25));
    std::vector<NoiseItem> items;
    for (int side : {-1, 1}) {
        cv::Point c(cx, mid + side * static_cast<int>(std::lround(40 * mm)));
        // A faint shadow ring where the paper edge of the hole casts onto the glass.
        cv::circle(page, c, radius + 2, cv::Scalar::all(shade + 0.25), 3, cv::LINE_AA);
        cv::circle(page, c, radius, cv::Scalar::all(shade), cv::FILLED, cv::LINE_AA);
        NoiseItem item;
        item.kind = "punch_hole";
        item.box = cv::Rect(c.x - radius - 3, c.y - radius - 3, 2 * radius + 7, 2 * radius + 7) &
                   whole(page);
        items.push_back(item);
    }
    return items;
}

NoiseItem skew_page(cv::Mat& page, double degrees, cv::Matx23d& moved) {
    cv::Mat m =
        cv::getRotationMatrix2D(cv::Point2f(page.cols * 0.5f, page.rows * 0.5f), degrees, 1.0);
    moved = cv::Matx23d(m);
    cv::Mat turned;
    // Reflecting the sheet into the corners keeps the paper's texture there (replicating the edge
    // rows would draw streaks).
    cv::warpAffine(page, turned, m, page.size(), cv::INTER_LINEAR, cv::BORDER_REFLECT_101);
    page = turned;
    NoiseItem item;
    item.kind = "skew";
    item.box = whole(page);
    item.value = degrees;
    return item;
}

cv::Rect move_box(const cv::Rect& box, const cv::Matx23d& m, cv::Size bounds) {
    if (box.area() <= 0) return box;
    std::vector<cv::Point2f> corners;
    for (cv::Point p : {box.tl(), cv::Point(box.x + box.width, box.y), box.br(),
                        cv::Point(box.x, box.y + box.height)})
        corners.emplace_back(static_cast<float>(m(0, 0) * p.x + m(0, 1) * p.y + m(0, 2)),
                             static_cast<float>(m(1, 0) * p.x + m(1, 1) * p.y + m(1, 2)));
    cv::Rect r = cv::boundingRect(corners);
    return r & cv::Rect(cv::Point(0, 0), bounds);
}

std::vector<NoiseItem> scanner_border(cv::Mat& page, int edges, int width_px, Rng& rng) {
    std::vector<int> sides = {0, 1, 2, 3};  // left, right, top, bottom
    std::vector<NoiseItem> items;
    for (int e = 0; e < std::clamp(edges, 0, 4); ++e) {
        int k = rng.between(0, static_cast<int>(sides.size()) - 1);
        int side = sides[static_cast<size_t>(k)];
        sides.erase(sides.begin() + k);
        const bool vertical = side < 2;
        const int length = vertical ? page.rows : page.cols;
        const int base = std::max(4, static_cast<int>(width_px * rng.uniform(0.6, 1.0)));
        const float dark = static_cast<float>(rng.uniform(0.04, 0.14));
        // The inner edge wanders slowly: the paper edge is neither straight nor parallel.
        double depth = base, drift = rng.uniform(-0.15, 0.15);
        int deepest = 0;
        for (int i = 0; i < length; ++i) {
            depth = std::clamp(depth + drift + rng.normal(0, 0.6), base * 0.5, base * 1.5);
            int d = static_cast<int>(depth);
            deepest = std::max(deepest, d);
            for (int j = 0; j < d; ++j) {
                float v = dark + static_cast<float>(rng.uniform(0, 0.04)) +
                          (j > d - 4 ? 0.12f * static_cast<float>(j - d + 4) : 0.0f);
                int x = vertical ? (side == 0 ? j : page.cols - 1 - j) : i;
                int y = vertical ? i : (side == 2 ? j : page.rows - 1 - j);
                page.at<cv::Vec3f>(y, x) = cv::Vec3f(v, v, v);
            }
        }
        NoiseItem item;
        item.kind = "scanner_border";
        item.box = side == 0   ? cv::Rect(0, 0, deepest, page.rows)
                   : side == 1 ? cv::Rect(page.cols - deepest, 0, deepest, page.rows)
                   : side == 2 ? cv::Rect(0, 0, page.cols, deepest)
                               : cv::Rect(0, page.rows - deepest, page.cols, deepest);
        items.push_back(item);
    }
    return items;
}

std::vector<NoiseItem> speckle(cv::Mat& page, int count, int max_radius, Rng& rng) {
    std::vector<NoiseItem> items;
    cv::Point cluster;
    for (int i = 0; i < count; ++i) {
        cv::Point c;
        if (i > 0 && rng.chance(0.3))  // dust comes in small clusters
            c = cluster + cv::Point(rng.between(-25, 25), rng.between(-25, 25));
        else
            c = cv::Point(rng.between(0, page.cols - 1), rng.between(0, page.rows - 1));
        cluster = c;
        int r = rng.between(1, std::max(1, max_radius));
        float v = static_cast<float>(rng.uniform(0.05, 0.45));
        if (rng.chance(0.3)) {  // an irregular fleck instead of a round dot
            cv::Size axes(r + rng.between(0, r), std::max(1, r - rng.between(0, r)));
            cv::ellipse(page, c, axes, rng.uniform(0, 180), 0, 360, cv::Scalar::all(v), cv::FILLED,
                        cv::LINE_AA);
            r = axes.width;
        } else {
            cv::circle(page, c, r, cv::Scalar::all(v), cv::FILLED, cv::LINE_AA);
        }
        cv::Rect box = cv::Rect(c.x - r - 1, c.y - r - 1, 2 * r + 3, 2 * r + 3) & whole(page);
        if (box.area() <= 0) continue;
        NoiseItem item;
        item.kind = "speckle";
        item.box = box;
        items.push_back(item);
    }
    return items;
}

std::vector<NoiseItem> hairs(cv::Mat& page, int count, double dpi, Rng& rng) {
    const double mm = dpi / 25.4;
    std::vector<NoiseItem> items;
    for (int i = 0; i < count; ++i) {
        // A fibre bends gently: a few segments, each turning a little from the last.
        double x = rng.uniform(0, page.cols), y = rng.uniform(0, page.rows);
        double heading = rng.uniform(0, 6.283185307179586);
        const double length = rng.uniform(3, 30) * mm;
        const int segments = rng.between(4, 9);
        std::vector<cv::Point> points = {cv::Point(static_cast<int>(x), static_cast<int>(y))};
        for (int k = 0; k < segments; ++k) {
            heading += rng.normal(0, 0.35);
            x += std::cos(heading) * length / segments;
            y += std::sin(heading) * length / segments;
            points.emplace_back(static_cast<int>(std::lround(x)), static_cast<int>(std::lround(y)));
        }
        const float v = static_cast<float>(rng.uniform(0.15, 0.5));
        const int thickness =
            std::max(1, static_cast<int>(std::lround(rng.uniform(0.5, 1.6) * dpi / 300.0)));
        cv::polylines(page, points, false, cv::Scalar::all(v), thickness, cv::LINE_AA);
        cv::Rect box = cv::boundingRect(points);
        box = cv::Rect(box.x - thickness, box.y - thickness, box.width + 2 * thickness + 1,
                       box.height + 2 * thickness + 1) &
              whole(page);
        if (box.area() <= 0) continue;
        NoiseItem item;
        item.kind = "hair";
        item.box = box;
        items.push_back(item);
    }
    return items;
}

NoiseItem blur_page(cv::Mat& page, double sigma) {
    cv::GaussianBlur(page, page, cv::Size(0, 0), sigma);
    NoiseItem item;
    item.kind = "blur";
    item.box = whole(page);
    item.value = sigma;
    return item;
}

}  // namespace scanfix::samples
