// Text-column search by smearing character boxes into blocks; see text_column.hpp.
#include "scanfix/ocr/text_column.hpp"
#include "column_gutters.hpp"
#include "scanfix/core/box_overlap.hpp"

#include <algorithm>
#include <limits>
#include <opencv2/imgproc.hpp>

namespace scanfix {

namespace {

bool character_sized(const cv::Rect& b, int ch) {
    return b.height >= ch / 3 && b.height <= 3 * ch && b.width <= 4 * ch;
}

// Number of separate items stacked in the boxes: boxes whose rows overlap or lie closer than
// half a character height are one item (one line of a short entry).
int stacked_items(std::vector<cv::Rect> boxes, int ch) {
    std::sort(boxes.begin(), boxes.end(), [](auto& a, auto& b) { return a.y < b.y; });
    int items = 0, bottom = std::numeric_limits<int>::min() / 2;
    for (const auto& b : boxes) {
        if (b.y > bottom + ch / 2) ++items;
        bottom = std::max(bottom, b.y + b.height);
    }
    return items;
}

// Moves the column's left or right edge inside a narrow band of short stacked items (a margin
// column of letter pairs, a row of line numbers) when a white gap the full height of the column
// separates that band from the text: such a band is margin, not the ends of text lines.
cv::Rect trim_margin_bands(const cv::Rect& column, const std::vector<cv::Rect>& chars, int ch,
                           const TextColumnParams& p) {
    if (column.width <= 0) return column;
    std::vector<int> cover(column.width, 0);
    std::vector<cv::Rect> inside;
    for (const auto& b : chars) {
        if ((b & column) != b) continue;
        inside.push_back(b);
        for (int x = b.x - column.x; x < b.x + b.width - column.x; ++x) ++cover[x];
    }
    const int min_gap = std::max(2, int(p.margin_gap * ch));
    const int max_band = std::max(2, int(p.margin_band * ch));
    cv::Rect out = column;
    // From the right edge: the band runs to the last covered x, the gap is the white before it.
    for (int side = 0; side < 2; ++side) {
        const int n = column.width;
        auto at = [&](int i) { return side == 0 ? cover[n - 1 - i] : cover[i]; };
        int i = 0;
        while (i < n && at(i) == 0) ++i;  // white at the very edge
        int band_start = i;
        while (i < n && at(i) > 0) ++i;
        int band = i - band_start;
        int gap_start = i;
        while (i < n && at(i) == 0) ++i;
        int gap = i - gap_start;
        if (band == 0 || band > max_band || gap < min_gap || i >= n) continue;
        // The band's x range in page coordinates.
        int x0 = side == 0 ? column.x + n - gap_start : column.x + band_start;
        int x1 = side == 0 ? column.x + n - band_start : column.x + gap_start;
        std::vector<cv::Rect> band_boxes;
        for (const auto& b : inside)
            if (b.x >= x0 && b.x + b.width <= x1) band_boxes.push_back(b);
        if (stacked_items(band_boxes, ch) < p.margin_items) continue;
        int text_edge = side == 0 ? column.x + n - i : column.x + i;  // first covered x of text
        if (side == 0)
            out.width = std::min(out.width, text_edge - out.x + (gap / 2));
        else {
            int right = out.x + out.width;
            out.x = std::max(out.x, text_edge - gap / 2);
            out.width = right - out.x;
        }
    }
    return out;
}

// Joins into `box` every rectangle of `rects` it overlaps (and those these overlap in turn),
// taking them out of `rects`; returns where the first of them stood, or rects.size() if none.
size_t absorb_overlapping(std::vector<cv::Rect>& rects, cv::Rect& box) {
    size_t at = rects.size();
    for (bool grown = true; grown;) {
        grown = false;
        for (size_t i = 0; i < rects.size(); ++i)
            if ((rects[i] & box).area() > 0) {
                box |= rects[i];
                rects.erase(rects.begin() + long(i));
                at = std::min(at, i);
                grown = true;
                break;
            }
    }
    return std::min(at, rects.size());
}

}  // namespace

TextLayout find_text_column(const InkComponents& c, cv::Size page, int character_height,
                            const TextColumnParams& p, const std::vector<uint8_t>* dropped,
                            const std::vector<cv::Rect>& tables) {
    TextLayout layout;
    const int ch = std::max(4, character_height);
    // Work at about four pixels per character height: fast, and fine enough for block edges.
    const double scale = std::min(1.0, 4.0 / ch);
    cv::Size small_size(std::max(1, int(page.width * scale)),
                        std::max(1, int(page.height * scale)));
    cv::Mat chars_small = cv::Mat::zeros(small_size, CV_8UC1);
    std::vector<cv::Rect> chars;
    std::vector<cv::Point> centres;
    for (int i = 1; i < c.count; ++i) {
        if (dropped && i < int(dropped->size()) && (*dropped)[i]) continue;
        cv::Rect b = c.box(i);
        if (!character_sized(b, ch)) continue;
        chars.push_back(b);
        cv::Rect r(int(b.x * scale), int(b.y * scale), std::max(1, int(b.width * scale)),
                   std::max(1, int(b.height * scale)));
        cv::rectangle(chars_small, r, cv::Scalar(255), cv::FILLED);
        // The small grid is the page's size times scale rounded down, so a centre in the last
        // fraction of a cell would land one past its last row or column: keep it on the grid.
        centres.emplace_back(std::min(small_size.width - 1, int((b.x + b.width / 2) * scale)),
                             std::min(small_size.height - 1, int((b.y + b.height / 2) * scale)));
    }
    if (centres.size() < 10) return layout;

    // Smear letters into lines, then lines into blocks.
    int kw = std::max(1, int(p.word_gap * ch * scale)),
        kh = std::max(1, int(p.line_gap * ch * scale));
    cv::Mat blocks;
    cv::morphologyEx(chars_small, blocks, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {kw, 1}));
    cv::morphologyEx(blocks, blocks, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {1, kh}));
    cv::Mat block_labels, block_stats, block_centroids;
    int m = cv::connectedComponentsWithStats(blocks, block_labels, block_stats, block_centroids, 8,
                                             CV_32S);
    std::vector<int> count(m, 0);
    for (auto ctr : centres) ++count[block_labels.at<int>(ctr)];
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
            int overlap = horizontal_overlap(b, main);
            int gap = std::max(b.y - (column.y + column.height), column.y - (b.y + b.height));
            if (overlap >= 0.5 * b.width && gap <= join) column |= b, grown = true;
        }
    }
    // Blocks of text beside the column that share most of its height and carry a good share
    // of its characters are further columns of text, not margins: prose typed in two columns.
    // Such a block that overlaps another (a stamp across two columns joins them; a margin
    // column beside half of a column cuts that column in two) makes one block with it: the
    // gutters down their lines part them again.
    std::vector<cv::Rect> columns = {column};
    for (int i = 1; i < m; ++i) {
        cv::Rect b = box(i);
        if (i == best || count[i] < p.column_share * count[best]) continue;
        if (b.width < p.column_width * ch * scale || (b & column) == b) continue;
        const int shared = vertical_overlap(b, column);
        if (shared < 0.5 * std::min(b.height, column.height)) continue;
        absorb_overlapping(columns, b);
        columns.push_back(b);
    }
    std::sort(columns.begin(), columns.end(),
              [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
    const double inv = 1.0 / scale;
    const cv::Rect whole(0, 0, page.width, page.height);
    // Back to full resolution, with the letters' own extent rather than the coarse grid's, and
    // half a character height of paper round the letters: Tesseract reads a rectangle cut
    // tight to the ink badly.
    const int pad = std::max(2, ch / 2);
    auto exact_box = [&](const cv::Rect& small) {
        cv::Rect coarse(int(small.x * inv) - 1, int(small.y * inv) - 1, int(small.width * inv) + 3,
                        int(small.height * inv) + 3);
        cv::Rect exact;
        for (const auto& b : chars)
            if ((b & coarse).area() > 0) exact = exact.area() ? (exact | b) : b;
        return cv::Rect(exact.x - pad, exact.y - pad, exact.width + 2 * pad,
                        exact.height + 2 * pad) &
               whole;
    };
    // Each block without a margin band at its side; the body holds them all.
    std::vector<cv::Rect> blocks_found;
    for (const cv::Rect& c : columns) {
        blocks_found.push_back(trim_margin_bands(exact_box(c), chars, ch, p) & whole);
        const cv::Rect& b = blocks_found.back();
        layout.column = layout.column.area() ? (layout.column | b) : b;
    }
    // Columns typed close together make one block: it parts at the gutters down its lines. A
    // table is read row by row and keeps its block whole.
    for (const cv::Rect& b : blocks_found) {
        const bool table = std::any_of(tables.begin(), tables.end(),
                                       [&](const cv::Rect& t) { return (t & b).area() > 0; });
        const std::vector<cv::Rect> parts =
            table ? std::vector<cv::Rect>{b} : split_at_gutters(b, chars, page, ch, p);
        layout.columns.insert(layout.columns.end(), parts.begin(), parts.end());
    }
    // After the margin bands are cut: a table's column of numbers is not one. The columns of
    // text a table spans are its columns, not columns of prose: they become one, in the place
    // of the first of them.
    for (const cv::Rect& t : tables) {
        if ((layout.column & t).area() <= 0) continue;
        layout.column |= t;
        cv::Rect spanned = t;
        std::vector<cv::Rect> apart = layout.columns;
        size_t at = absorb_overlapping(apart, spanned);
        if (at == apart.size())
            at = size_t(std::find_if(apart.begin(), apart.end(),
                                     [&](const cv::Rect& a) { return a.x > spanned.x; }) -
                        apart.begin());
        apart.insert(apart.begin() + long(std::min(at, apart.size())), spanned);
        layout.columns = apart;
    }
    const cv::Rect col = layout.column;
    const int W = page.width, H = page.height;
    std::vector<cv::Rect> strips = {{0, 0, col.x, H},
                                    {col.x + col.width, 0, W - col.x - col.width, H},
                                    {col.x, 0, col.width, col.y},
                                    {col.x, col.y + col.height, col.width, H - col.y - col.height}};
    for (const auto& s : strips)
        if (s.width > 0 && s.height > 0) layout.margins.push_back(s);
    return layout;
}

TextLayout find_text_column(const cv::Mat& binary, int character_height,
                            const TextColumnParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    return find_text_column(label_ink(binary), binary.size(), character_height, p, nullptr);
}

}  // namespace scanfix
