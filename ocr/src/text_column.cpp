// Text-column search by smearing character boxes into blocks; see text_column.hpp.
#include "scanfix/ocr/text_column.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix {

TextLayout find_text_column(const cv::Mat& binary, int character_height,
                            const TextColumnParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    TextLayout layout;
    const int ch = std::max(4, character_height);
    // Work at about four pixels per character height: fast, and fine enough for block edges.
    const double scale = std::min(1.0, 4.0 / ch);
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(binary == 0, labels, stats, centroids, 8, CV_32S);
    cv::Size small_size(std::max(1, int(binary.cols * scale)),
                        std::max(1, int(binary.rows * scale)));
    cv::Mat chars = cv::Mat::zeros(small_size, CV_8UC1);
    std::vector<cv::Point> centres;
    for (int i = 1; i < n; ++i) {
        int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (h < ch / 3 || h > 3 * ch || w > 4 * ch) continue;
        cv::Rect r(int(stats.at<int>(i, cv::CC_STAT_LEFT) * scale),
                   int(stats.at<int>(i, cv::CC_STAT_TOP) * scale), std::max(1, int(w * scale)),
                   std::max(1, int(h * scale)));
        cv::rectangle(chars, r, cv::Scalar(255), cv::FILLED);
        centres.emplace_back(int(centroids.at<double>(i, 0) * scale),
                             int(centroids.at<double>(i, 1) * scale));
    }
    if (centres.size() < 10) return layout;

    // Smear letters into lines, then lines into blocks.
    int kw = std::max(1, int(p.word_gap * ch * scale)),
        kh = std::max(1, int(p.line_gap * ch * scale));
    cv::Mat blocks;
    cv::morphologyEx(chars, blocks, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {kw, 1}));
    cv::morphologyEx(blocks, blocks, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {1, kh}));
    cv::Mat block_labels, block_stats, block_centroids;
    int m = cv::connectedComponentsWithStats(blocks, block_labels, block_stats, block_centroids, 8,
                                             CV_32S);
    std::vector<int> count(m, 0);
    for (auto c : centres) ++count[block_labels.at<int>(c)];
    count[0] = 0;
    int best = int(std::max_element(count.begin(), count.end()) - count.begin());
    if (count[best] == 0) return layout;
    auto box = [&](int i) {
        return cv::Rect(
            block_stats.at<int>(i, cv::CC_STAT_LEFT), block_stats.at<int>(i, cv::CC_STAT_TOP),
            block_stats.at<int>(i, cv::CC_STAT_WIDTH), block_stats.at<int>(i, cv::CC_STAT_HEIGHT));
    };
    // Headings, the date line and the signature block belong to the column when they lie
    // mostly within its width and close above or below it; notes in the margins do not.
    cv::Rect main = box(best), column = main;
    const int join = int(p.join_gap * ch * scale);
    for (bool grown = true; grown;) {
        grown = false;
        for (int i = 1; i < m; ++i) {
            cv::Rect b = box(i);
            if (count[i] < p.min_share * centres.size() || (column & b) == b) continue;
            int overlap = std::min(b.x + b.width, main.x + main.width) - std::max(b.x, main.x);
            int gap = std::max(b.y - (column.y + column.height), column.y - (b.y + b.height));
            if (overlap >= 0.5 * b.width && gap <= join) column |= b, grown = true;
        }
    }
    const double inv = 1.0 / scale;
    layout.column = cv::Rect(int(column.x * inv), int(column.y * inv), int(column.width * inv),
                             int(column.height * inv)) &
                    cv::Rect(0, 0, binary.cols, binary.rows);
    const cv::Rect c = layout.column;
    const int W = binary.cols, H = binary.rows;
    std::vector<cv::Rect> strips = {{0, 0, c.x, H},
                                    {c.x + c.width, 0, W - c.x - c.width, H},
                                    {c.x, 0, c.width, c.y},
                                    {c.x, c.y + c.height, c.width, H - c.y - c.height}};
    for (const auto& s : strips)
        if (s.width > 0 && s.height > 0) layout.margins.push_back(s);
    return layout;
}

}  // namespace scanfix
