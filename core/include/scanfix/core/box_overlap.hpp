// How far two boxes overlap along one axis, in pixels (negative: the gap between them). Used
// wherever lines, letters or blocks are matched by sharing their height or their width.
#pragma once

#include <algorithm>
#include <opencv2/core/types.hpp>

namespace scanfix {

inline int vertical_overlap(const cv::Rect& a, const cv::Rect& b) {
    return std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
}

inline int horizontal_overlap(const cv::Rect& a, const cv::Rect& b) {
    return std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
}

// Two letters or words of one line of type: of about one height (each within 2/3 to 3/2 of the
// other's) and sharing at least half the lower one's height.
inline bool on_one_line(const cv::Rect& a, const cv::Rect& b) {
    return 3 * b.height >= 2 * a.height && 2 * b.height <= 3 * a.height &&
           2 * vertical_overlap(a, b) >= std::min(a.height, b.height);
}

}  // namespace scanfix
