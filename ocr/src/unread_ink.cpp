// Rows of letter-sized ink no read word covers; see unread_ink.hpp.
#include "scanfix/ocr/unread_ink.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "shrink.hpp"

namespace scanfix {
namespace {

// Marks are judged at a size where the type is about twelve pixels tall: enough to tell a
// letter from a speck, and fast.
constexpr double kWorkingHeight = 12.0;

cv::Rect scaled(const cv::Rect& r, double f) {
    return {int(r.x * f), int(r.y * f), std::max(1, int(r.width * f)),
            std::max(1, int(r.height * f))};
}

}  // namespace

UnreadInk find_unread_ink(const cv::Mat& image, int character_height,
                          const std::vector<cv::Rect>& read, const std::vector<cv::Rect>& excluded,
                          const UnreadInkParams& p) {
    UnreadInk out;
    if (image.empty() || character_height <= 0) return out;
    const double f = std::min(1.0, kWorkingHeight / character_height);
    const double ch = character_height * f;
    cv::Mat gray = to_gray(image), small;
    if (f < 1.0)
        shrink(gray, small, f, cv::INTER_AREA);
    else
        small = gray;
    BinarizeParams bp;
    cv::Mat binary = binarize(small, bp, int(ch + 0.5));
    cv::Mat ink = binary == 0;

    cv::Mat covered(small.size(), CV_8UC1, cv::Scalar(0));
    const int margin = int(p.cover_margin * ch + 0.5);
    for (const cv::Rect& r : read) {
        cv::Rect s = scaled(r, f);
        s = cv::Rect(s.x - margin, s.y - margin, s.width + 2 * margin, s.height + 2 * margin);
        covered(s & cv::Rect({}, small.size())).setTo(255);
    }
    for (const cv::Rect& r : excluded)
        covered(scaled(r, f) & cv::Rect({}, small.size())).setTo(255);

    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
    cv::Mat unread(small.size(), CV_8UC1, cv::Scalar(0));
    std::vector<cv::Rect> letters;
    for (int i = 1; i < n; ++i) {
        const cv::Rect b(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        const double fill = double(stats.at<int>(i, cv::CC_STAT_AREA)) / b.area();
        if (b.height < 0.5 * ch || b.height > 2.2 * ch || b.width > 4 * ch || b.width < 0.12 * ch ||
            fill < 0.08)
            continue;
        ++out.letters;
        const cv::Point centre(b.x + b.width / 2, b.y + b.height / 2);
        if (covered.at<uchar>(centre)) continue;
        unread(b).setTo(255);
        letters.push_back(b);
    }
    if (letters.empty()) return out;
    // Marks of one row join across letter and word spaces, not across lines.
    const int gap = std::max(1, int(p.row_gap * ch + 0.5));
    cv::Mat rows;
    cv::dilate(unread, rows, cv::getStructuringElement(cv::MORPH_RECT, {gap, 1}));
    cv::Mat row_labels, row_stats, row_centroids;
    const int m =
        cv::connectedComponentsWithStats(rows, row_labels, row_stats, row_centroids, 8, CV_32S);
    std::vector<int> count(m, 0);
    for (const cv::Rect& b : letters)
        ++count[row_labels.at<int>(b.y + b.height / 2, b.x + b.width / 2)];
    const double back = 1.0 / f;
    const int pad = int(0.5 * character_height);
    const cv::Rect page({}, image.size());
    for (int i = 1; i < m; ++i) {
        const int w = row_stats.at<int>(i, cv::CC_STAT_WIDTH);
        if (count[i] < p.min_letters || w < p.min_width * ch) continue;
        const cv::Rect r(int(row_stats.at<int>(i, cv::CC_STAT_LEFT) * back) - pad,
                         int(row_stats.at<int>(i, cv::CC_STAT_TOP) * back) - pad,
                         int(w * back) + 2 * pad,
                         int(row_stats.at<int>(i, cv::CC_STAT_HEIGHT) * back) + 2 * pad);
        out.rows.push_back(r & page);
        out.unread += count[i];
    }
    return out;
}

}  // namespace scanfix
