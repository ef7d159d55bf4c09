// Median character height from connected components; see character_size.hpp.
#include "scanfix/ocr/character_size.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace scanfix {

int estimate_character_height(const cv::Mat& binary, int dpi) {
    CV_Assert(binary.type() == CV_8UC1);
    // Typewriter type is 2-4 mm tall; 0.8 mm and 10 mm bound anything that can be a letter.
    const int fallback = std::max(4, int(mm_to_px(2.5, dpi) + 0.5));
    const int min_h = std::max(3, int(mm_to_px(0.8, dpi)));
    const int max_h = std::max(min_h + 1, int(mm_to_px(10.0, dpi)));
    cv::Mat ink = binary == 0;
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    std::vector<int> heights;
    heights.reserve(n);
    for (int i = 1; i < n; ++i) {
        int w = stats.at<int>(i, cv::CC_STAT_WIDTH);
        int h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (h < min_h || h > max_h || w > 3 * h || w > max_h) continue;
        heights.push_back(h);
    }
    if (heights.size() < 20) return fallback;
    auto mid = heights.begin() + heights.size() / 2;
    std::nth_element(heights.begin(), mid, heights.end());
    return *mid;
}

}  // namespace scanfix
