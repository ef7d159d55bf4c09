// Median character height from connected components; see character_size.hpp.
#include "scanfix/ocr/character_size.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "scanfix/ocr/components.hpp"

namespace scanfix {

std::vector<int> character_heights(const cv::Mat& binary) {
    CV_Assert(binary.type() == CV_8UC1);
    cv::Mat ink, labels, stats, centroids;
    cv::bitwise_not(binary, ink);
    int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    const int max_h = std::max(4, std::max(binary.cols, binary.rows) / 20);
    std::vector<cv::Rect> marks;
    marks.reserve(n);
    for (int i = 1; i < n; ++i) {
        int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
        int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (h < 3 || h > max_h || w > 3 * h) continue;
        marks.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                           h);
    }
    std::vector<int> all, in_rows;
    all.reserve(marks.size());
    for (const cv::Rect& m : marks) all.push_back(m.height);
    const std::vector<bool> beside = in_rows_of_letters(marks, binary.size(), max_h);
    for (size_t i = 0; i < marks.size(); ++i)
        if (beside[i]) in_rows.push_back(marks[i].height);
    return in_rows.size() >= 20 ? in_rows : all;
}

int median_height(std::vector<int> heights, int min_h, int max_h, int fallback) {
    heights.erase(std::remove_if(heights.begin(), heights.end(),
                                 [&](int h) { return h < min_h || h > max_h; }),
                  heights.end());
    return heights.size() < 20 ? fallback : median_of(std::move(heights));
}

int character_height_at(const std::vector<int>& heights, int dpi) {
    // Typewriter type is 2-4 mm tall; 0.8 mm and 10 mm bound anything that can be a letter.
    const int fallback = std::max(4, int(mm_to_px(2.5, dpi) + 0.5));
    const int min_h = std::max(3, int(mm_to_px(0.8, dpi)));
    const int max_h = std::max(min_h + 1, int(mm_to_px(10.0, dpi)));
    return median_height(heights, min_h, max_h, fallback);
}

int estimate_character_height(const cv::Mat& binary, int dpi) {
    return character_height_at(character_heights(binary), dpi);
}

int resolution_from_type(const std::vector<int>& heights, double type_mm) {
    const int h = median_height(heights, 0, 1 << 20, 0);
    return h == 0 ? 0 : int(std::lround(h * 25.4 / type_mm));
}

}  // namespace scanfix
