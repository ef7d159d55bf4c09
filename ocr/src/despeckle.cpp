// Size- and neighbourhood-based speck removal; see despeckle.hpp.
#include "scanfix/ocr/despeckle.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix {

namespace {
enum Kind : uint8_t { kLetter, kDot, kSpeck, kKeptDot };
}

std::vector<cv::Rect> despeckle(cv::Mat& binary, int character_height, const DespeckleParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    const double ch = std::max(4, character_height);
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(binary == 0, labels, stats, centroids, 8, CV_32S);
    auto box = [&](int i) {
        return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                        stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
    };
    std::vector<Kind> kind(n, kLetter);
    cv::Mat near = cv::Mat::zeros(binary.size(), CV_8UC1);  // letters, later also kept dots
    bool any_dot = false;
    for (int i = 1; i < n; ++i) {
        cv::Rect b = box(i);
        double side = std::max(b.width, b.height);
        if (side < p.min_size * ch)
            kind[i] = kSpeck;
        else if (side <= p.dot_size * ch)
            kind[i] = kDot, any_dot = true;
        else
            near(b) = 255;
    }
    if (any_dot) {
        int r = std::max(1, int(p.keep_distance * ch));
        cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {2 * r + 1, 2 * r + 1});
        // Dots next to kept dots stay too ("...", ":"); three rounds cover any real run.
        for (int round = 0; round < 3; ++round) {
            cv::Mat reach;
            cv::dilate(near, reach, kernel);
            bool changed = false;
            for (int i = 1; i < n; ++i) {
                if (kind[i] != kDot || cv::countNonZero(reach(box(i))) == 0) continue;
                kind[i] = kKeptDot;
                near(box(i)) = 255;
                changed = true;
            }
            if (!changed) break;
        }
    }
    std::vector<cv::Rect> removed;
    std::vector<uint8_t> drop(n, 0);
    for (int i = 1; i < n; ++i)
        if (kind[i] == kSpeck || kind[i] == kDot) drop[i] = 1, removed.push_back(box(i));
    if (removed.empty()) return removed;
    for (int y = 0; y < binary.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uint8_t* b = binary.ptr<uint8_t>(y);
        for (int x = 0; x < binary.cols; ++x)
            if (drop[l[x]]) b[x] = 255;
    }
    return removed;
}

}  // namespace scanfix
