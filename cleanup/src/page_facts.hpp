// Facts about a page that the noise filters weigh: which lines are kept, which paragraph a line
// stands alone in, whether a line sits inside a running sentence, and, when the page came from
// OCR, where the text column is and how tall its words are.
#pragma once

#include <algorithm>
#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix::facts {

// The value at fraction `q` (0 = smallest, 0.5 = median, 1 = largest) of `v`, by rounded rank;
// zero when `v` is empty.
template <class T>
T percentile(std::vector<T> v, double q) {
    if (v.empty()) return T{};
    size_t k = std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5));
    std::nth_element(v.begin(), v.begin() + long(k), v.end());
    return v[k];
}

// Indices of the words of a line that no filter removed.
std::vector<int> kept_words(const Line& line);

// The nearest line before / after `i` that still has kept text, or -1.
int previous_kept_line(const Page& page, int i);
int next_kept_line(const Page& page, int i);

// No kept line of the same paragraph before or after it: a line set apart by blank lines.
bool alone_in_paragraph(const Page& page, int i);
// The first or the last line of the page that still has kept text.
bool at_page_edge(const Page& page, int i);
// The kept lines around `i` in its paragraph carry one sentence through it: the line before
// does not close a sentence and the line after goes on in lower case (or the line before
// ends in a hyphen). A number or a short word there belongs to the text, not to a stamp.
bool inside_sentence(const Page& page, int i);

// Geometry (empty rectangles / zero when the page has no boxes).
cv::Rect line_box(const Line& line);
// The main text column: the TextColumn region when preprocessing found one, else estimated
// from the lines that carry several words.
cv::Rect text_column(const Page& page);
// Median height of the kept words that have boxes.
int median_word_height(const Page& page);
// The box lies (mostly) left or right of the column, `slack` pixels allowed.
bool outside_column(const cv::Rect& box, const cv::Rect& column, int slack);
// The centre of the box lies in a region of that kind.
bool in_region(const Page& page, const cv::Rect& box, RegionKind kind);

}  // namespace scanfix::facts
