// Ink the reading missed: rows of letter-sized marks on the page as loaded that no word read
// covers. It is the evidence that preprocessing or layout took away text (typing faded as a
// stamp, lines outside the column, a page taken for a margin) and the places a second reading
// looks at again.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

namespace scanfix {

struct UnreadInkParams {
    int min_letters = 6;        // fewest uncovered letter-sized marks that make a row of text
    double min_width = 3.0;     // narrowest such row, in character heights
    double row_gap = 1.2;       // marks this far apart (character heights) join into a row
    double cover_margin = 0.3;  // a read word covers marks this close to its box (char heights)

    template <class V>
    void describe(V& v) {
        v("min_letters", min_letters, 1, 100,
          "fewest letter-sized marks no word covers that make a row of unread text");
        v("min_width", min_width, 0.5, 50.0,
          "narrowest row of unread marks (character heights) that counts as text");
        v("row_gap", row_gap, 0.2, 10.0, "gap (character heights) within which marks form a row");
        v("cover_margin", cover_margin, 0.0, 3.0,
          "distance (character heights) around a read word within which marks count as read");
    }
    void validate() const {}
};

struct UnreadInk {
    std::vector<cv::Rect> rows;  // rows of unread text, on the image given
    int letters = 0;             // letter-sized marks found on the page
    int unread = 0;              // of those, in the rows above
    double unread_share() const { return letters > 0 ? double(unread) / letters : 0.0; }
};

// The rows of letter-sized ink on `image` (the page as loaded, grey or BGR) that none of the
// `read` boxes covers, leaving out marks in `excluded` (borders, punch holes).
// `character_height` is in pixels of `image`.
UnreadInk find_unread_ink(const cv::Mat& image, int character_height,
                          const std::vector<cv::Rect>& read, const std::vector<cv::Rect>& excluded,
                          const UnreadInkParams& p);

}  // namespace scanfix
