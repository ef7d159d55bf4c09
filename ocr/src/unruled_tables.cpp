// Tables without rules, found from the white gutters their columns leave down a run of rows of
// typing; see tables.hpp.
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/components.hpp"
#include "scanfix/ocr/tables.hpp"
#include "typed_rows.hpp"

namespace scanfix {
namespace {

// The columns of a run of rows: stretches of x with ink in some row, separated by gutters at
// least `gutter` pixels wide that no row's ink crosses.
std::vector<std::pair<int, int>> columns_of(const std::vector<uint8_t>& ink, int gutter) {
    std::vector<std::pair<int, int>> columns;
    const int n = int(ink.size());
    int x = 0;
    while (x < n) {
        while (x < n && !ink[x]) ++x;
        if (x >= n) break;
        int start = x, end = x;
        for (int white = 0; x < n && white < gutter; ++x) {
            if (ink[x])
                end = x + 1, white = 0;
            else
                ++white;
        }
        columns.emplace_back(start, end);
        x = end + gutter;
    }
    return columns;
}

// Whether rows [from, to) are a table, and if so the x range its columns span. Its columns are
// those holding ink in half the rows or more; a column at either end set apart by a gutter
// more than one and a half times the widest between the others (three times the other one of
// three columns; and six character heights or more) is a margin beside the table, not one of
// its columns. The table needs `min_columns` columns, none wider than `widest_column` of the
// whole, most rows with cells in two columns or more, and not two wide columns of lines filling
// their width over all the rows its gutters run through (text typed in two columns, read column
// after column).
bool table_rows(const std::vector<TypedRow>& rows, int from, int to,
                std::vector<std::pair<int, int>> columns, const std::vector<cv::Rect>& ink_marks,
                int ch, int max_gap, const TableParams& p, std::pair<int, int>& span) {
    const int n = to - from;
    // Rows of one line of type: a row taller than three character heights is lines run
    // together, handwriting or a stamp; a table has few such.
    int tall = 0;
    for (int r = from; r < to; ++r) tall += rows[r].bottom - rows[r].top > 3 * ch;
    if (4 * tall > n) return false;
    std::vector<std::pair<int, int>> kept;
    for (const auto& c : columns) {
        int filled = 0;
        for (int r = from; r < to; ++r) filled += ink_extent(rows[r], c).first >= 0;
        if (2 * filled >= n) kept.push_back(c);
    }
    auto gutter = [&](size_t i) { return kept[i + 1].first - kept[i].second; };
    while (kept.size() >= 3) {
        int inner = 0;
        for (size_t i = 1; i + 2 < kept.size(); ++i) inner = std::max(inner, gutter(i));
        const int left = gutter(0), right = gutter(kept.size() - 2);
        // Against the one other gutter of three columns, three times as wide; against several,
        // one and a half times the widest.
        const int factor = kept.size() == 3 ? 6 : 3;
        auto apart = [&](int g, int other) {
            return g >= 6 * ch && 2 * g > factor * std::max(inner, other);
        };
        if (apart(right, left))
            kept.pop_back();
        else if (apart(left, right))
            kept.erase(kept.begin());
        else
            break;
    }
    if (int(kept.size()) < p.min_columns) return false;
    span = {kept.front().first, kept.back().second};
    std::vector<int> cells_in_row(n, 0);
    for (const auto& c : kept) {
        if (c.second - c.first > p.widest_column * (span.second - span.first)) return false;
        for (int r = from; r < to; ++r) cells_in_row[r - from] += ink_extent(rows[r], c).first >= 0;
    }
    const auto shared =
        std::count_if(cells_in_row.begin(), cells_in_row.end(), [](int k) { return k >= 2; });
    if (4 * shared < 3 * n) return false;
    // Text typed in two columns or more: the gutter between two wide columns runs on through
    // the rows above and below, and over that block two wide columns are full of lines (a
    // paragraph's short last line or a heading beside one column can make a few rows look like a
    // table).
    auto wide = [&](const std::pair<int, int>& c) { return c.second - c.first >= 15 * ch; };
    // The middle third of each gutter between two wide columns (ragged lines above and below
    // reach into its sides).
    std::vector<std::pair<int, int>> between_wide;
    for (size_t i = 0; i + 1 < kept.size(); ++i)
        if (wide(kept[i]) && wide(kept[i + 1])) {
            const int third = (kept[i + 1].first - kept[i].second) / 3;
            between_wide.emplace_back(kept[i].second + third, kept[i + 1].first - third);
        }
    int top = from, bottom = to;
    auto clear = [&](int r) {
        for (const auto& [x0, x1] : between_wide)
            for (int x = x0; x < x1; ++x)
                if (rows[r].ink[x]) return false;
        return !between_wide.empty();
    };
    while (top > 0 && rows[top].top - rows[top - 1].bottom <= max_gap && clear(top - 1)) --top;
    while (bottom < int(rows.size()) && rows[bottom].top - rows[bottom - 1].bottom <= max_gap &&
           clear(bottom))
        ++bottom;
    int prose_columns = 0;
    for (const auto& c : kept) {
        const Filling f = filling(rows, top, bottom, c);
        if (wide(c) && 2 * f.full >= f.filled) ++prose_columns;
    }
    if (prose_columns >= 2) return false;
    // Typing, not a header of stamps and handwriting: of the marks in the table, at least two
    // in three give its rows their ink.
    const cv::Rect box(span.first, rows[from].top, span.second - span.first,
                       rows[to - 1].bottom - rows[from].top);
    auto inside = [&](const cv::Rect& m) { return box.contains((m.tl() + m.br()) / 2); };
    long typing = 0;
    for (int r = from; r < to; ++r)
        typing += std::count_if(rows[r].marks.begin(), rows[r].marks.end(), inside);
    const long all = std::count_if(ink_marks.begin(), ink_marks.end(), inside);
    return 3 * typing >= 2 * all;
}

}  // namespace

std::vector<TypedTable> find_unruled_tables(const InkComponents& c,
                                            const std::vector<uint8_t>* dropped, cv::Size page,
                                            int character_height, const TableParams& p,
                                            const std::vector<cv::Rect>& ruled,
                                            const std::vector<cv::Rect>& stamps) {
    const int ch = std::max(4, character_height);
    // Letter-sized marks outside stamps, and all marks bigger than a speck, outside the ruled
    // tables.
    std::vector<cv::Rect> marks, ink_marks;
    for (int i = 1; i < c.count; ++i) {
        if (dropped && i < int(dropped->size()) && (*dropped)[i]) continue;
        const cv::Rect b = c.box(i);
        if (b.width < ch / 4 && b.height < ch / 4) continue;
        bool in_ruled = false;
        for (const cv::Rect& t : ruled) in_ruled = in_ruled || (b & t) == b;
        if (in_ruled) continue;
        ink_marks.push_back(b);
        bool in_stamp = false;
        for (const cv::Rect& t : stamps) in_stamp = in_stamp || t.contains((b.tl() + b.br()) / 2);
        if (letter_sized(b, ch) && !in_stamp) marks.push_back(b);
    }
    const std::vector<TypedRow> rows =
        typed_rows(letters_in_rows(marks, page, 3 * ch), marks, page.width);
    const int gutter = std::max(2, int(p.gutter * ch));
    const int max_gap = int(p.row_gap * ch);

    std::vector<TypedTable> tables;
    for (int from = 0; from < int(rows.size());) {
        // The longest run from this row whose union of ink keeps enough gutters.
        std::vector<uint8_t> ink = rows[from].ink;
        int to = from + 1;
        std::vector<std::pair<int, int>> columns = columns_of(ink, gutter);
        std::pair<int, int> span, best_span;
        int best_to = -1;
        while (int(columns.size()) >= p.min_columns) {
            if (to - from >= p.min_rows &&
                table_rows(rows, from, to, columns, ink_marks, ch, max_gap, p, span))
                best_to = to, best_span = span;
            if (to >= int(rows.size()) || rows[to].top - rows[to - 1].bottom > max_gap) break;
            for (int x = 0; x < page.width; ++x) ink[x] |= rows[to].ink[x];
            ++to;
            columns = columns_of(ink, gutter);
        }
        if (best_to < 0) {
            ++from;
            continue;
        }
        // The table's box: its columns' span, from its first row to its last. Each row is read
        // as one band, reaching at most half a character height beyond the row's marks and
        // never past the middle between two rows.
        TypedTable t;
        const cv::Rect whole({}, page);
        auto top_of = [&](int r) { return rows[r].box.y; };
        auto bottom_of = [&](int r) { return rows[r].box.y + rows[r].box.height; };
        for (int r = from; r < best_to; ++r) {
            const int top = r == from
                                ? top_of(r) - ch / 2
                                : std::max(top_of(r) - ch / 2, (bottom_of(r - 1) + top_of(r)) / 2);
            const int bottom = r + 1 == best_to ? bottom_of(r) + ch / 2
                                                : std::min(bottom_of(r) + ch / 2,
                                                           (bottom_of(r) + top_of(r + 1)) / 2);
            const cv::Rect band(best_span.first - ch / 2, top,
                                best_span.second - best_span.first + ch, bottom - top);
            t.rows.push_back(band & whole);
            t.box = t.box.area() ? (t.box | t.rows.back()) : t.rows.back();
        }
        tables.push_back(std::move(t));
        from = best_to;
    }
    return tables;
}

}  // namespace scanfix
