// Dark border detection on the grey page and edge-stroke removal on the binary page; see
// border.hpp.
#include "scanfix/ocr/border.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/character_size.hpp"
#include "shrink.hpp"

namespace scanfix {

double paper_brightness(const cv::Mat& gray) {
    CV_Assert(gray.type() == CV_8UC1);
    int hist[256] = {0};
    for (int y = 0; y < gray.rows; y += 2) {
        const uchar* g = gray.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; x += 2) ++hist[g[x]];
    }
    long total = 0;
    for (int h : hist) total += h;
    // The 90th percentile: paper covers far more than a tenth of any page.
    long seen = 0;
    for (int v = 0; v < 256; ++v)
        if ((seen += hist[v]) >= 0.9 * total) return std::max(v, 1);
    return 255;
}

cv::Mat find_dark_border(const cv::Mat& gray, int dpi, double paper, const BorderParams& p) {
    CV_Assert(gray.type() == CV_8UC1);
    // Work at about 50 dpi, blurred over a millimetre or two: type disappears into the paper
    // while a border stays dark.
    const double scale = std::min(1.0, 50.0 / std::max(1, dpi));
    cv::Mat small;
    shrink(gray, small, scale, cv::INTER_AREA);
    cv::blur(small, small, {3, 3});
    cv::Mat dark = small < p.darkness * paper;
    // Thin dark slivers are usually shadows of the page edge, which binarisation handles.
    int k = std::max(1, int(mm_to_px(p.min_mm, int(dpi * scale))));
    if (k > 1)
        cv::morphologyEx(dark, dark, cv::MORPH_OPEN,
                         cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
    cv::Mat labels;
    int n = cv::connectedComponents(dark, labels, 8, CV_32S);
    std::vector<uint8_t> at_edge(n, 0);
    auto mark = [&](int y, int x) { at_edge[labels.at<int>(y, x)] = 1; };
    for (int x = 0; x < labels.cols; ++x) mark(0, x), mark(labels.rows - 1, x);
    for (int y = 0; y < labels.rows; ++y) mark(y, 0), mark(y, labels.cols - 1);
    at_edge[0] = 0;
    cv::Mat border_small(labels.size(), CV_8UC1);
    for (int y = 0; y < labels.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uchar* b = border_small.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x) b[x] = at_edge[l[x]] ? 255 : 0;
    }
    // Grow by about a millimetre so the blurred rim of the border goes too.
    cv::dilate(border_small, border_small, cv::Mat(), {-1, -1}, 2);
    cv::Mat border;
    cv::resize(border_small, border, gray.size(), 0, 0, cv::INTER_NEAREST);
    return border;
}

std::vector<cv::Rect> find_edge_strokes(const InkComponents& c, cv::Size page, int dpi,
                                        int character_height, const BorderParams& p,
                                        std::vector<uint8_t>& drop) {
    drop.resize(c.count, 0);
    const int ch = std::max(4, character_height);
    const int near = int(mm_to_px(p.edge_mm, dpi));
    std::vector<cv::Rect> removed;
    for (int i = 1; i < c.count; ++i) {
        cv::Rect r = c.box(i);
        bool left = r.x <= near, top = r.y <= near;
        bool right = r.x + r.width >= page.width - near;
        bool bottom = r.y + r.height >= page.height - near;
        bool long_h = (top || bottom) && r.width >= p.edge_length * page.width;
        bool long_v = (left || right) && r.height >= p.edge_length * page.height;
        bool touches =
            r.x == 0 || r.y == 0 || r.x + r.width == page.width || r.y + r.height == page.height;
        double fill = double(c.area(i)) / r.area();
        bool block = touches && r.width > 3 * ch && r.height > 3 * ch && fill > 0.5;
        if (long_h || long_v || block) drop[i] = 1, removed.push_back(r);
    }
    return removed;
}

std::vector<cv::Rect> remove_edge_strokes(cv::Mat& binary, int dpi, int character_height,
                                          const BorderParams& p) {
    InkComponents c = label_ink(binary);
    std::vector<uint8_t> drop;
    auto removed = find_edge_strokes(c, binary.size(), dpi, character_height, p, drop);
    erase_components(binary, c, drop);
    return removed;
}

std::vector<cv::Rect> border_boxes(const cv::Mat& full_border) {
    std::vector<cv::Rect> boxes;
    if (cv::countNonZero(full_border) == 0) return boxes;
    // Boxes for the log need no more than about 800 pixels across the page.
    const int f = std::max(1, std::max(full_border.cols, full_border.rows) / 800);
    cv::Mat border;
    if (f > 1)
        cv::resize(full_border, border, divided(full_border.size(), f), 0, 0, cv::INTER_NEAREST);
    else
        border = full_border;
    const cv::Rect image(0, 0, border.cols, border.rows);
    // A frame around the whole page is reported as its four sides: its bounding box would be
    // the whole image.
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(border == 0, labels, stats, centroids, 4, CV_32S);
    int largest = 1;
    for (int i = 2; i < n; ++i)
        if (stats.at<int>(i, cv::CC_STAT_AREA) > stats.at<int>(largest, cv::CC_STAT_AREA))
            largest = i;
    const cv::Rect paper = n < 2 ? cv::Rect()
                                 : cv::Rect(stats.at<int>(largest, cv::CC_STAT_LEFT),
                                            stats.at<int>(largest, cv::CC_STAT_TOP),
                                            stats.at<int>(largest, cv::CC_STAT_WIDTH),
                                            stats.at<int>(largest, cv::CC_STAT_HEIGHT));
    std::vector<cv::Rect> sides = {
        {0, 0, paper.x, border.rows},
        {paper.x + paper.width, 0, border.cols - paper.x - paper.width, border.rows},
        {paper.x, 0, paper.width, paper.y},
        {paper.x, paper.y + paper.height, paper.width, border.rows - paper.y - paper.height}};
    const cv::Rect full(0, 0, full_border.cols, full_border.rows);
    auto to_full = [&](const cv::Rect& r) {
        cv::Rect b(r.x * f, r.y * f, r.width * f, r.height * f);
        // Boxes that reach the shrunk image's edge reach the full image's edge.
        if (r.x + r.width == border.cols) b.width = full.width - b.x;
        if (r.y + r.height == border.rows) b.height = full.height - b.y;
        return b & full;
    };
    for (const auto& s : sides)
        if (s.area() > 0) boxes.push_back(to_full(s & image));
    // Blobs reaching into the paper's box (dark corners, a thumb) are reported one by one when
    // they are large enough to matter.
    cv::Mat inside = cv::Mat::zeros(border.size(), CV_8UC1);
    if (paper.area() > 0) border(paper).copyTo(inside(paper));
    const int min_side = std::max(border.cols, border.rows) / 50;
    for (const auto& b : mask_boxes(inside))
        if (std::max(b.width, b.height) >= min_side) boxes.push_back(to_full(b));
    return boxes;
}

std::vector<cv::Rect> mask_boxes(const cv::Mat& mask) {
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(mask.clone(), contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    std::vector<cv::Rect> boxes;
    for (const auto& c : contours) boxes.push_back(cv::boundingRect(c));
    return boxes;
}

}  // namespace scanfix
