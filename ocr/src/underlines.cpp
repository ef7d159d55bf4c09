// Underline and rule removal; see underlines.hpp.
#include "scanfix/ocr/underlines.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/components.hpp"

namespace scanfix {

std::vector<StraightStroke> find_straight_strokes(const cv::Mat& ink, bool across, int length,
                                                  double thickness, const cv::Rect& within,
                                                  cv::Mat& mask) {
    cv::Mat runs;
    cv::morphologyEx(ink, runs, cv::MORPH_OPEN,
                     cv::getStructuringElement(cv::MORPH_RECT,
                                               across ? cv::Size(length, 1) : cv::Size(1, length)));
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(runs, labels, stats, centroids, 8, CV_32S);
    std::vector<StraightStroke> strokes;
    std::vector<uint8_t> keep(n, 0);
    for (int i = 1; i < n; ++i) {
        const cv::Rect b(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                         stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
        const int extent = across ? b.width : b.height;
        // Mean thickness: a slightly skewed stroke has a wide box but stays thin.
        if (extent < length || stats.at<int>(i, cv::CC_STAT_AREA) > thickness * extent ||
            (b & within) != b)
            continue;
        keep[i] = 1;
        cv::Point at = b.tl();
        for (int k = 0; k < (across ? b.height : b.width); ++k) {
            const cv::Point q = across ? cv::Point(b.x, b.y + k) : cv::Point(b.x + k, b.y);
            if (labels.at<int>(q) == i) {
                at = q;
                break;
            }
        }
        strokes.push_back({b, at, across});
    }
    mask.create(ink.size(), CV_8UC1);
    for (int y = 0; y < labels.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x) m[x] = keep[l[x]] ? 255 : 0;
    }
    return strokes;
}

std::vector<cv::Rect> remove_underlines(cv::Mat& binary, cv::Mat& gray, int character_height,
                                        const UnderlineParams& p, cv::Rect within) {
    CV_Assert(binary.type() == CV_8UC1 && gray.type() == CV_8UC1 && gray.size() == binary.size());
    std::vector<cv::Rect> rules;
    const int ch = std::max(4, character_height);
    const int length = std::max(8, int(std::lround(p.min_length * ch)));
    const double thickness = std::max(1.0, p.max_thickness * ch);
    const cv::Mat ink = binary == 0;
    const int edge = 3 * ch;
    const cv::Rect inner =
        within.area() > 0 ? within
                          : cv::Rect(edge, edge, binary.cols - 2 * edge, binary.rows - 2 * edge);
    cv::Mat rule;
    for (const StraightStroke& s : find_straight_strokes(ink, true, length, thickness, inner, rule))
        rules.push_back(s.box);
    if (rules.empty()) return rules;

    // In each column of a rule, its pixels run from `top` to `bottom`, and the rule's ragged
    // edges (too short for the runs) a little beyond. Where ink goes on further above or below,
    // a letter crosses the rule and the column stays.
    const int ragged = std::max(1, int(std::lround(0.1 * ch)));
    cv::Mat erase = cv::Mat::zeros(binary.size(), CV_8UC1);
    for (const cv::Rect& r : rules) {
        for (int x = r.x; x < r.x + r.width; ++x) {
            int top = -1, bottom = -1;
            for (int y = r.y; y < r.y + r.height; ++y)
                if (rule.at<uchar>(y, x)) {
                    if (top < 0) top = y;
                    bottom = y;
                }
            if (top < 0) continue;
            int up = 0, down = 0;
            while (up <= ragged && top - up - 1 >= 0 && ink.at<uchar>(top - up - 1, x)) ++up;
            while (down <= ragged && bottom + down + 1 < ink.rows &&
                   ink.at<uchar>(bottom + down + 1, x))
                ++down;
            if (up > ragged || down > ragged) continue;
            erase(cv::Rect(x, top - up, 1, bottom + down - top + up + 1)).setTo(255);
        }
    }
    binary.setTo(255, erase);
    // The grey rim of the rule goes too, but never a letter's ink.
    paint_paper(gray, binary, erase, std::max(1, ch / 12));
    return rules;
}

}  // namespace scanfix
