// Connected-component labelling shared by the preprocessing steps; see components.hpp.
#include "scanfix/ocr/components.hpp"
#include "scanfix/core/box_overlap.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix {

cv::Rect InkComponents::box(int i) const {
    return {stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
            stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)};
}

int InkComponents::area(int i) const {
    return stats.at<int>(i, cv::CC_STAT_AREA);
}

bool letter_sized(const cv::Rect& b, int ch) {
    return b.height >= ch / 3 && b.height <= 3 * ch && b.width <= 4 * ch;
}

int median_of(std::vector<int> v) {
    CV_Assert(!v.empty());
    auto mid = v.begin() + v.size() / 2;
    std::nth_element(v.begin(), mid, v.end());
    return *mid;
}

std::vector<bool> in_rows_of_letters(const std::vector<cv::Rect>& marks, cv::Size page, int max_h) {
    std::vector<bool> out(marks.size(), false);
    // Marks by cells of a grid, so that each looks only at its neighbourhood.
    const int cell = 32;
    const int rows = page.height / cell + 1, cols = page.width / cell + 1;
    std::vector<std::vector<int>> grid(size_t(rows) * cols);
    for (int i = 0; i < int(marks.size()); ++i)
        grid[size_t(std::clamp(marks[i].y / cell, 0, rows - 1)) * cols +
             std::clamp(marks[i].x / cell, 0, cols - 1)]
            .push_back(i);
    for (int i = 0; i < int(marks.size()); ++i) {
        const cv::Rect& a = marks[i];
        const int reach = a.height + a.height / 2;  // letter and word spaces are narrower
        bool beside = false;
        for (int gy = std::max(0, (a.y - max_h) / cell);
             gy <= std::min(rows - 1, (a.y + a.height) / cell) && !beside; ++gy)
            for (int gx = std::max(0, (a.x - reach - max_h) / cell);
                 gx <= std::min(cols - 1, (a.x + a.width + reach) / cell) && !beside; ++gx)
                for (int j : grid[size_t(gy) * cols + gx]) {
                    if (j == i) continue;
                    const cv::Rect& b = marks[j];
                    const int gap = std::max(b.x - (a.x + a.width), a.x - (b.x + b.width));
                    if (on_one_line(a, b) && gap <= reach) {
                        beside = true;
                        break;
                    }
                }
        out[i] = beside;
    }
    return out;
}

InkComponents label_ink(const cv::Mat& binary) {
    CV_Assert(binary.type() == CV_8UC1);
    InkComponents c;
    cv::Mat ink, centroids;
    cv::bitwise_not(binary, ink);
    c.count = cv::connectedComponentsWithStats(ink, c.labels, c.stats, centroids, 8, CV_32S);
    return c;
}

cv::Mat component_mask(const InkComponents& c, const std::vector<uint8_t>& drop) {
    CV_Assert(int(drop.size()) >= c.count);
    cv::Mat mask = cv::Mat::zeros(c.labels.size(), CV_8UC1);
    // Only the rows of marked components are visited.
    std::vector<uint8_t> row_needed(mask.rows, 0);
    for (int i = 1; i < c.count; ++i) {
        if (!drop[i]) continue;
        cv::Rect b = c.box(i);
        std::fill(row_needed.begin() + b.y, row_needed.begin() + b.y + b.height, 1);
    }
    for (int y = 0; y < mask.rows; ++y) {
        if (!row_needed[y]) continue;
        const int* l = c.labels.ptr<int>(y);
        uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < mask.cols; ++x)
            if (drop[l[x]]) m[x] = 255;
    }
    return mask;
}

void paint_paper(cv::Mat& gray, const cv::Mat& binary, const cv::Mat& marks, int rim) {
    CV_Assert(gray.size() == marks.size() && binary.size() == marks.size());
    cv::Mat grown = marks.clone();
    if (rim > 0)
        cv::dilate(grown, grown,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * rim + 1, 2 * rim + 1}));
    cv::Mat other = binary == 0;
    other.setTo(0, marks);
    grown.setTo(0, other);
    gray.setTo(255, grown);
}

void erase_components(cv::Mat& binary, const InkComponents& c, const std::vector<uint8_t>& drop) {
    CV_Assert(binary.size() == c.labels.size());
    binary.setTo(255, component_mask(c, drop));
}

}  // namespace scanfix
