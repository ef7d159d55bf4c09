// Splitting a block of text at the gutters between its columns; see column_gutters.hpp.
#include "column_gutters.hpp"

#include <algorithm>

#include "typed_rows.hpp"

namespace scanfix {
namespace {

using Span = XSpan;

// Whether a row's ink reaches into the middle half of gutter `g`, where the parts are cut.
bool crosses(const TypedRow& row, const Span& g) {
    const int quarter = (g.second - g.first) / 4;
    for (int x = g.first + quarter; x < g.second - quarter; ++x)
        if (row.ink[x]) return true;
    return false;
}

// Stretches of x inside [from, to) at least `width` wide where at most `tolerated` rows have ink.
std::vector<Span> white_runs(const std::vector<int>& crossing, int from, int to, int tolerated,
                             int width, int x0) {
    std::vector<Span> runs;
    for (int x = from; x < to;) {
        if (crossing[x] > tolerated) {
            ++x;
            continue;
        }
        const int start = x;
        while (x < to && crossing[x] <= tolerated) ++x;
        if (x - start >= width && x < to) runs.emplace_back(x0 + start, x0 + x);
    }
    return runs;
}

// The rows [top, bottom) the gutters run down: the block's rows without those above and below
// that cross one of them.
Span gutter_rows(const std::vector<TypedRow>& rows, const std::vector<Span>& gutters) {
    auto crossing = [&](const TypedRow& r) {
        return std::any_of(gutters.begin(), gutters.end(),
                           [&](const Span& g) { return crosses(r, g); });
    };
    int top = 0, bottom = int(rows.size());
    while (top < bottom && crossing(rows[top])) ++top;
    while (bottom > top && crossing(rows[bottom - 1])) --bottom;
    return {top, bottom};
}

// The index of a column of [top, bottom) between gutters that is not a column of prose (too
// narrow, too few letters, too few lines, or lines that do not fill it), or -1 when all are.
int weak_column(const std::vector<TypedRow>& rows, Span range, const std::vector<Span>& gutters,
                Span inked, int ch, const TextColumnParams& p) {
    const size_t k = gutters.size() + 1;
    std::vector<long> letters(k, 0);
    std::vector<int> left(k, inked.second), right(k, inked.first);
    auto side_of = [&](size_t i) {
        return Span(i == 0 ? inked.first : gutters[i - 1].second,
                    i + 1 == k ? inked.second : gutters[i].first);
    };
    // Each column's extent, then each row's share of it.
    for (int r = range.first; r < range.second; ++r)
        for (const cv::Rect& m : rows[r].marks) {
            const int mid = m.x + m.width / 2;
            for (size_t i = 0; i < k; ++i) {
                const Span s = side_of(i);
                if (mid < s.first || mid >= s.second) continue;
                ++letters[i];
                left[i] = std::min(left[i], m.x);
                right[i] = std::max(right[i], m.x + m.width);
            }
        }
    const long most = *std::max_element(letters.begin(), letters.end());
    for (size_t i = 0; i < k; ++i) {
        const int width = right[i] - left[i];
        if (width < p.column_width * ch || letters[i] < p.column_share * most) return int(i);
        const Filling f = filling(rows, range.first, range.second, {left[i], right[i]});
        if (2 * f.filled < p.gutter_rows || 2 * f.full < f.filled) return int(i);
    }
    return -1;
}

}  // namespace

std::vector<cv::Rect> split_at_gutters(const cv::Rect& block, const std::vector<cv::Rect>& chars,
                                       cv::Size page, int ch, const TextColumnParams& p) {
    const cv::Rect area = block & cv::Rect({}, page);
    if (area.width <= 0) return {block};
    std::vector<cv::Rect> inside;
    for (const cv::Rect& b : chars)
        if (area.contains((b.tl() + b.br()) / 2)) inside.push_back(b);
    const std::vector<TypedRow> rows =
        typed_rows(letters_in_rows(inside, page, 3 * ch), {}, page.width);
    if (int(rows.size()) < p.gutter_rows) return {block};

    // How many rows have ink at each x of the block, and the stretch they ink.
    std::vector<int> crossing(area.width, 0);
    for (const TypedRow& r : rows)
        for (int x = 0; x < area.width; ++x) crossing[x] += r.ink[area.x + x];
    int first = 0, last = area.width;
    while (first < last && crossing[first] == 0) ++first;
    while (last > first && crossing[last - 1] == 0) --last;
    const int tolerated = int(p.gutter_crossing * double(rows.size()));
    std::vector<Span> gutters =
        white_runs(crossing, first, last, tolerated, std::max(2, int(p.gutter * ch)), area.x);
    const Span inked(area.x + first, area.x + last);
    Span range{0, 0};
    // Drop the gutter beside a column that is no column of prose, the narrower one first.
    while (!gutters.empty()) {
        range = gutter_rows(rows, gutters);
        if (range.second - range.first < p.gutter_rows) return {block};
        const int weak = weak_column(rows, range, gutters, inked, ch, p);
        if (weak < 0) break;
        size_t drop = weak == 0 ? 0 : size_t(weak - 1);
        auto width = [&](size_t i) { return gutters[i].second - gutters[i].first; };
        if (weak > 0 && size_t(weak) < gutters.size() && width(size_t(weak)) < width(drop))
            drop = size_t(weak);
        gutters.erase(gutters.begin() + long(drop));
    }
    if (gutters.empty()) return {block};

    // Parts: the rows above, the columns, the rows below; each boundary between rows midway.
    const int y0 = block.y, y1 = block.y + block.height;
    const int top =
        range.first > 0 ? (rows[range.first - 1].bottom + rows[range.first].top) / 2 : y0;
    const int bottom = range.second < int(rows.size())
                           ? (rows[range.second - 1].bottom + rows[range.second].top) / 2
                           : y1;
    std::vector<cv::Rect> parts;
    if (top > y0) parts.emplace_back(block.x, y0, block.width, top - y0);
    int x = block.x;
    for (const Span& g : gutters) {
        const int quarter = (g.second - g.first) / 4;
        parts.emplace_back(x, top, g.first + quarter - x, bottom - top);
        x = g.second - quarter;
    }
    parts.emplace_back(x, top, block.x + block.width - x, bottom - top);
    if (bottom < y1) parts.emplace_back(block.x, bottom, block.width, y1 - bottom);
    return parts;
}

}  // namespace scanfix
