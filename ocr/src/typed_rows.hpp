// Rows of typing: typed letters grouped into the lines they stand in, with the x positions each
// line's ink covers, and how rows fill a stretch of x. Shared by the searches that look for white
// running down a run of lines (the gutters of a table typed without rules, the gutter between
// columns of text).
#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace scanfix {

// One row of typing: its marks' vertical extent and which x positions hold ink.
struct TypedRow {
    int top = 0, bottom = 0;
    cv::Rect box;
    std::vector<uint8_t> ink;     // one per x of the page
    std::vector<cv::Rect> marks;  // the marks that give it ink
};

// Rows of typing, from the top, on a page `width` pixels wide: `letters` (marks standing in rows
// of letters) grouped by the middle band of the row they stand in (a margin letter typed a
// little higher joins its row, the descenders of one line and the capitals of the next stay
// apart, and so do the lines of a slightly skewed page). A row's ink is its letters' and that of
// every other mark of `marks` of their height standing on their line: a lone digit of a
// numbered list has no letter beside it and does not count as typing on its own, while
// handwriting and stamps, of other heights or off the line, add nothing.
std::vector<TypedRow> typed_rows(std::vector<cv::Rect> letters, const std::vector<cv::Rect>& marks,
                                 int width);

// The marks of `marks` that stand in rows of letters (in_rows_of_letters), in their order.
std::vector<cv::Rect> letters_in_rows(const std::vector<cv::Rect>& marks, cv::Size page,
                                      int max_height);

using XSpan = std::pair<int, int>;  // [first, last) x on the page

// The left and right ends of a row's ink within `span`, or -1, -1 where it has none.
XSpan ink_extent(const TypedRow& row, const XSpan& span);

// How rows [from, to) fill `span`: those with ink in it, and those whose ink spans at least
// 0.6 of its width (a line of prose, not a short entry).
struct Filling {
    int filled = 0, full = 0;
};
Filling filling(const std::vector<TypedRow>& rows, int from, int to, const XSpan& span);

}  // namespace scanfix
