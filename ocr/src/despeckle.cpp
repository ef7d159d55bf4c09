// Size- and neighbourhood-based speck removal; see despeckle.hpp.
#include "scanfix/ocr/despeckle.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace scanfix {

namespace {
enum Kind : uint8_t { kLetter, kDot, kSpeck, kKeptDot, kDropped };
}

std::vector<cv::Rect> find_specks(const InkComponents& c, int character_height,
                                  const DespeckleParams& p, std::vector<uint8_t>& drop) {
    drop.resize(c.count, 0);
    const double ch = std::max(4, character_height);
    std::vector<Kind> kind(c.count, kLetter);
    const cv::Size page = c.labels.size();
    // Which places lie near a letter is kept on a grid coarser than the page by about a quarter
    // of the keeping distance: exact enough, and the dilation below stays cheap.
    const int r = std::max(1, int(p.keep_distance * ch));
    const int f = std::max(1, r / 4);
    const cv::Size grid((page.width + f - 1) / f, (page.height + f - 1) / f);
    auto cells = [&](const cv::Rect& b) {
        return cv::Rect(b.x / f, b.y / f, (b.x + b.width - 1) / f - b.x / f + 1,
                        (b.y + b.height - 1) / f - b.y / f + 1);
    };
    cv::Mat near = cv::Mat::zeros(grid, CV_8UC1);  // letters
    bool any_dot = false;
    for (int i = 1; i < c.count; ++i) {
        if (drop[i]) {
            kind[i] = kDropped;
            continue;
        }
        cv::Rect b = c.box(i);
        double side = std::max(b.width, b.height);
        if (side < p.min_size * ch)
            kind[i] = kSpeck;
        else if (side <= p.dot_size * ch)
            kind[i] = kDot, any_dot = true;
        else
            near(cells(b)) = 255;
    }
    if (any_dot) {
        // A dot stays when a letter or another dot lies within reach: punctuation, diacritics,
        // "...", and the fragments of faint broken type, which may have no whole letter near.
        // Only a lone dot on open paper is dust.
        const int rc = (r + f - 1) / f;
        cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, {2 * rc + 1, 2 * rc + 1});
        cv::Mat reach;
        cv::dilate(near, reach, kernel);
        cv::Mat dots = cv::Mat::zeros(grid, CV_8UC1);
        for (int i = 1; i < c.count; ++i)
            if (kind[i] == kDot) dots(cells(c.box(i))) = 1;
        cv::Mat sums;
        cv::integral(dots, sums, CV_32S);
        const cv::Rect all(0, 0, grid.width, grid.height);
        auto count = [&](const cv::Rect& g) {
            return sums.at<int>(g.y + g.height, g.x + g.width) - sums.at<int>(g.y, g.x + g.width) -
                   sums.at<int>(g.y + g.height, g.x) + sums.at<int>(g.y, g.x);
        };
        for (int i = 1; i < c.count; ++i) {
            if (kind[i] != kDot) continue;
            const cv::Rect own = cells(c.box(i));
            const cv::Rect around =
                cv::Rect(own.x - rc, own.y - rc, own.width + 2 * rc, own.height + 2 * rc) & all;
            if (cv::countNonZero(reach(own)) > 0 || count(around) > count(own)) kind[i] = kKeptDot;
        }
    }
    std::vector<cv::Rect> removed;
    for (int i = 1; i < c.count; ++i)
        if (kind[i] == kSpeck || kind[i] == kDot) drop[i] = 1, removed.push_back(c.box(i));
    return removed;
}

std::vector<cv::Rect> despeckle(cv::Mat& binary, int character_height, const DespeckleParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    InkComponents c = label_ink(binary);
    std::vector<uint8_t> drop;
    auto removed = find_specks(c, character_height, p, drop);
    erase_components(binary, c, drop);
    return removed;
}

}  // namespace scanfix
