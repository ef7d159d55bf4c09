// Rows of typing grouped by their middle band; see typed_rows.hpp.
#include "typed_rows.hpp"

#include <algorithm>

#include "scanfix/ocr/components.hpp"

namespace scanfix {

std::vector<TypedRow> typed_rows(std::vector<cv::Rect> letters, const std::vector<cv::Rect>& marks,
                                 int width) {
    std::sort(letters.begin(), letters.end(), [](auto& a, auto& b) { return a.y < b.y; });
    std::vector<TypedRow> rows;
    // Each row's middle band: the median top and bottom of its letters so far. A letter joins
    // the row (of the last two) whose band its middle lies in, give or take half its height; a
    // row's extremes would let a skewed line or a tall letter run single-spaced lines together.
    std::vector<std::pair<int, int>> band;
    auto median_band = [&](size_t r) {
        std::vector<int> tops, bottoms;
        for (const cv::Rect& m : rows[r].marks)
            tops.push_back(m.y), bottoms.push_back(m.y + m.height);
        return std::make_pair(median_of(tops), median_of(bottoms));
    };
    for (const cv::Rect& m : letters) {
        const int middle = m.y + m.height / 2;
        long best = -1;
        int best_distance = 0;
        for (size_t r = rows.size() >= 2 ? rows.size() - 2 : 0; r < rows.size(); ++r) {
            const auto [top, bottom] = band[r];
            if (middle < top - m.height / 2 || middle > bottom + m.height / 2) continue;
            const int distance = std::abs(2 * middle - top - bottom);
            if (best < 0 || distance < best_distance) best = long(r), best_distance = distance;
        }
        if (best < 0) {
            rows.push_back({m.y, m.y + m.height, m, std::vector<uint8_t>(width, 0), {m}});
            band.emplace_back(m.y, m.y + m.height);
            continue;
        }
        TypedRow& r = rows[size_t(best)];
        r.top = std::min(r.top, m.y);
        r.bottom = std::max(r.bottom, m.y + m.height);
        r.box |= m;
        r.marks.push_back(m);
        band[size_t(best)] = median_band(size_t(best));
    }
    std::vector<int> height(rows.size()), base(rows.size());
    for (size_t r = 0; r < rows.size(); ++r) {
        std::vector<int> h, b;
        for (const cv::Rect& m : rows[r].marks) h.push_back(m.height), b.push_back(m.y + m.height);
        height[r] = median_of(h);
        base[r] = median_of(b);
        for (const cv::Rect& m : rows[r].marks)
            for (int x = m.x; x < m.x + m.width; ++x) rows[r].ink[x] = 1;
    }
    for (const cv::Rect& m : marks) {
        const int middle = m.y + m.height / 2;
        auto found = std::partition_point(
            rows.begin(), rows.end(), [&](const TypedRow& row) { return row.bottom <= middle; });
        if (found == rows.end() || found->top > middle) continue;
        const size_t r = size_t(found - rows.begin());
        const bool on_line = 3 * m.height >= 2 * height[r] && 2 * m.height <= 3 * height[r] &&
                             3 * std::abs(m.y + m.height - base[r]) <= height[r];
        if (!on_line) continue;
        found->box |= m;
        found->marks.push_back(m);
        for (int x = m.x; x < m.x + m.width; ++x) found->ink[x] = 1;
    }
    return rows;
}

std::vector<cv::Rect> letters_in_rows(const std::vector<cv::Rect>& marks, cv::Size page,
                                      int max_height) {
    const std::vector<bool> typed = in_rows_of_letters(marks, page, max_height);
    std::vector<cv::Rect> letters;
    for (size_t i = 0; i < marks.size(); ++i)
        if (typed[i]) letters.push_back(marks[i]);
    return letters;
}

XSpan ink_extent(const TypedRow& row, const XSpan& span) {
    int left = -1, right = -1;
    for (int x = span.first; x < span.second; ++x)
        if (row.ink[x]) right = x + 1, left = left < 0 ? x : left;
    return {left, right};
}

Filling filling(const std::vector<TypedRow>& rows, int from, int to, const XSpan& span) {
    Filling f;
    for (int r = from; r < to; ++r) {
        const auto [left, right] = ink_extent(rows[r], span);
        if (left < 0) continue;
        ++f.filled;
        if (right - left >= 0.6 * (span.second - span.first)) ++f.full;
    }
    return f;
}

}  // namespace scanfix
