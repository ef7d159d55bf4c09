// Ruled tables found from their grid of thin rules; see tables.hpp.
#include "scanfix/ocr/tables.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/components.hpp"
#include "scanfix/ocr/underlines.hpp"

namespace scanfix {
namespace {

using Stroke = StraightStroke;

// The bands between the rules across that span most of the table, and between them and the
// table's top and bottom where the rules down reach further.
std::vector<cv::Rect> row_bands(const cv::Rect& box, const std::vector<Stroke>& rules, int ch) {
    std::vector<int> ys;
    for (const Stroke& r : rules)
        if (r.across && r.box.width >= 0.8 * box.width) ys.push_back(r.box.y + r.box.height / 2);
    ys.push_back(box.y);
    ys.push_back(box.y + box.height);
    std::sort(ys.begin(), ys.end());
    std::vector<cv::Rect> rows;
    int top = ys.front();
    for (size_t i = 1; i < ys.size(); ++i) {
        // Double rules and a rule at the table's edge leave bands too low for a line of type.
        if (ys[i] - top < ch) continue;
        rows.emplace_back(box.x, top, box.width, ys[i] - top);
        top = ys[i];
    }
    return rows;
}

// Most marks in the box bigger than a speck are letters standing in rows (at least eight): the
// grid holds typing. A ruled stamp box or form filled in by hand is left as it is, its
// handwriting not freed of the rules to be read as text.
bool holds_typing(const cv::Mat& binary, const cv::Rect& box, int ch) {
    const InkComponents ink = label_ink(binary(box));
    std::vector<cv::Rect> marks;
    int others = 0;
    for (int i = 1; i < ink.count; ++i) {
        const cv::Rect b = ink.box(i);
        if (b.width < ch / 4 && b.height < ch / 4) continue;  // specks and punctuation
        if (letter_sized(b, ch))
            marks.push_back(b);
        else
            ++others;
    }
    const std::vector<bool> rows = in_rows_of_letters(marks, box.size(), 3 * ch);
    const auto typed = std::count(rows.begin(), rows.end(), true);
    return typed >= 8 && 2 * typed >= long(marks.size()) + others;
}

// The strokes' extent.
cv::Rect extent(const std::vector<Stroke>& strokes) {
    cv::Rect box;
    for (const Stroke& r : strokes) box = box.area() ? (box | r.box) : r.box;
    return box;
}

}  // namespace

std::vector<TypedTable> find_ruled_tables(const cv::Mat& binary, int character_height,
                                          const TableParams& p) {
    CV_Assert(binary.type() == CV_8UC1);
    std::vector<TypedTable> tables;
    // Searched at about eight pixels per character height (a rule keeps a pixel or more of its
    // thickness); the rules are removed at full resolution, where each is measured again.
    const int full_ch = std::max(4, character_height);
    const double scale = std::min(1.0, 8.0 / full_ch);
    cv::Mat ink = binary == 0;
    if (scale < 1.0) {
        cv::resize(ink, ink, {}, scale, scale, cv::INTER_AREA);
        ink = ink >= 64;
    }
    const int ch = std::max(4, int(std::lround(full_ch * scale)));
    const int length = std::max(8, int(std::lround(p.min_rule * ch)));
    const double thickness = std::max(1.0, p.max_thickness * ch) + 1.0;
    cv::Mat across_mask, down_mask;
    const cv::Rect whole({}, ink.size());
    std::vector<Stroke> rules =
        find_straight_strokes(ink, true, length, thickness, whole, across_mask);
    if (rules.size() < 2) return tables;
    std::vector<Stroke> down =
        find_straight_strokes(ink, false, length, thickness, whole, down_mask);
    if (down.size() < 2) return tables;
    rules.insert(rules.end(), down.begin(), down.end());

    // Rules that cross or nearly touch are one grid.
    cv::Mat grid = across_mask | down_mask;
    const int bridge = std::max(1, ch / 8);
    cv::dilate(grid, grid,
               cv::getStructuringElement(cv::MORPH_RECT, {2 * bridge + 1, 2 * bridge + 1}));
    cv::Mat labels;
    const int n = cv::connectedComponents(grid, labels, 8, CV_32S);
    std::vector<std::vector<Stroke>> grids(n);
    for (const Stroke& r : rules) grids[labels.at<int>(r.at)].push_back(r);
    for (int g = 1; g < n; ++g) {
        const auto& members = grids[g];
        const auto across =
            std::count_if(members.begin(), members.end(), [](const Stroke& r) { return r.across; });
        const auto downs = long(members.size()) - across;
        if (across < 2 || downs < 2 || long(members.size()) < p.min_rules) continue;
        TypedTable t;
        const double inv = 1.0 / scale;
        const cv::Rect page({}, binary.size());
        auto full = [&](const cv::Rect& r) {
            return cv::Rect(int(r.x * inv), int(r.y * inv), int(std::ceil(r.width * inv)),
                            int(std::ceil(r.height * inv))) &
                   page;
        };
        for (const Stroke& r : members) {
            t.box = t.box.area() ? (t.box | full(r.box)) : full(r.box);
            t.rules.push_back(full(r.box));
        }
        if (!holds_typing(binary, t.box, full_ch)) continue;
        for (const cv::Rect& row : row_bands(extent(members), members, ch))
            t.rows.push_back(full(row));
        tables.push_back(std::move(t));
    }
    std::sort(tables.begin(), tables.end(),
              [](const TypedTable& a, const TypedTable& b) { return a.box.y < b.box.y; });
    return tables;
}

void remove_table_rules(cv::Mat& binary, cv::Mat& gray, const TypedTable& table,
                        int character_height, const TableParams& p) {
    CV_Assert(binary.type() == CV_8UC1 && gray.type() == CV_8UC1 && gray.size() == binary.size());
    const int ch = std::max(4, character_height);
    const cv::Rect area = cv::Rect(table.box.x - ch, table.box.y - ch, table.box.width + 2 * ch,
                                   table.box.height + 2 * ch) &
                          cv::Rect({}, binary.size());
    UnderlineParams rules;
    rules.enabled = true;
    rules.min_length = p.min_rule;
    rules.max_thickness = p.max_thickness;
    cv::Mat binary_area = binary(area), gray_area = gray(area);
    remove_underlines(binary_area, gray_area, ch, rules, cv::Rect({}, area.size()));
    // The rules down are rules across of the transposed table.
    cv::Mat binary_t, gray_t;
    cv::transpose(binary_area, binary_t);
    cv::transpose(gray_area, gray_t);
    remove_underlines(binary_t, gray_t, ch, rules, cv::Rect({}, binary_t.size()));
    cv::transpose(binary_t, binary_area);
    cv::transpose(gray_t, gray_area);
}

}  // namespace scanfix
