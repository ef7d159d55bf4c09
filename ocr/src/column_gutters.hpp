// Columns of text that run close together: a block of typing split at the white gutters that
// run down its lines. Private to the ocr module; used by the text-column search.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/ocr/text_column.hpp"

namespace scanfix {

// The parts of `block` (a block of text on a page of size `page`, `chars` the page's
// character-sized marks) in reading order: a single part, the block itself, unless gutters at
// least `p.gutter` character heights wide run down at least `p.gutter_rows` of its rows of
// typing, crossed by at most `p.gutter_crossing` of them, between columns each at least
// `p.column_width` character heights wide, holding `p.column_share` of the fullest column's
// letters and filled by their lines (prose, not a list of short entries). Then the parts are:
// the rows above that cross a gutter (a heading over the columns), each column from the left,
// and the rows below that cross one (a signature under them). The parts cover the block, but
// for the middle half of each gutter.
std::vector<cv::Rect> split_at_gutters(const cv::Rect& block, const std::vector<cv::Rect>& chars,
                                       cv::Size page, int character_height,
                                       const TextColumnParams& p);

}  // namespace scanfix
