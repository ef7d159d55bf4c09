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

}  // namespace scanfix
