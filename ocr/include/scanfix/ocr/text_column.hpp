// The main text column: the block of typed lines on the page, found from where character-sized
// ink gathers into lines and lines into a block. What lies around it (handwritten notes, page
// numbers, filing marks) is reported as Margin regions, never cropped away.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct TextColumnParams {
    bool enabled = true;
    double word_gap = 2.5;         // character heights of white that still join words of a line
    double join_gap = 12.0;        // headings and signatures this close (character heights) join
    double line_gap = 5.0;         // character heights of white that still join lines of a block
                                   // (double-spaced typescript leaves about three)
    double min_share = 0.01;       // blocks with less of the text than this do not widen the column
    double margin_gap = 1.2;       // white gap (character heights) before a margin band at the side
    double margin_band = 3.5;      // widest such band (character heights)
    int margin_items = 3;          // fewest stacked items that make it a margin band
    double column_share = 0.25;    // a block beside the main one with this share of its
                                   // characters is another column of text
    double column_width = 12.0;    // ... when it is at least this wide (character heights)
    double gutter = 1.0;           // narrowest white (character heights) between columns of a block
    int gutter_rows = 6;           // fewest rows of typing such a gutter runs down
    double gutter_crossing = 0.1;  // share of those rows that may cross it (a stamp, a speck)

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "find the text column and the margins around it");
        v("word_gap", word_gap, 0.5, 20.0, "horizontal gap (character heights) joining words");
        v("line_gap", line_gap, 0.5, 20.0, "vertical gap (character heights) joining lines");
        v("join_gap", join_gap, 0.0, 100.0,
          "vertical distance (character heights) within which blocks above or below join");
        v("min_share", min_share, 0.0, 1.0,
          "share of the page's characters a block needs to be part of the column");
        v("margin_gap", margin_gap, 0.2, 20.0,
          "white gap (character heights), the full height of the column, that separates a "
          "narrow band of short stacked items at its side from the text");
        v("margin_band", margin_band, 0.5, 20.0,
          "widest band (character heights) at the column's side that can be cut off as margin");
        v("margin_items", margin_items, 1, 100,
          "fewest separate stacked items in that band for it to be margin");
        v("column_share", column_share, 0.0, 1.0,
          "a block of text beside the main one, holding at least this share of its characters "
          "and sharing most of its height, is another column of the body (read after it, "
          "left to right), not a margin");
        v("column_width", column_width, 1.0, 200.0,
          "narrowest block (character heights) that can be another column of text");
        v("gutter", gutter, 0.3, 20.0,
          "narrowest white stretch (character heights) running down a block's rows of typing "
          "that parts it into columns of text, read one after the other; each column must be "
          "column_width wide, hold column_share of the fullest column's letters and be filled "
          "by its lines");
        v("gutter_rows", gutter_rows, 2, 1000,
          "fewest rows of typing a gutter between columns of text runs down");
        v("gutter_crossing", gutter_crossing, 0.0, 0.5,
          "share of those rows whose ink may cross the gutter (a stamp, a speck, a long line)");
    }
    void validate() const {}
};

struct TextLayout {
    cv::Rect column;                // the body (every column of text); empty without text
    std::vector<cv::Rect> columns;  // the parts of the body in reading order: columns of text
                                    // from the left, with the lines across them above and
                                    // below; one or more
    std::vector<cv::Rect> margins;  // left, right, top, bottom strips around the body
};

TextLayout find_text_column(const cv::Mat& binary, int character_height, const TextColumnParams& p);

// The same on components already labelled for a page of size `page`; components with
// (*dropped)[label] set (specks, edge strokes) are ignored. A ruled table (`tables`) that
// meets the body joins it whole: its columns are not margins.
TextLayout find_text_column(const InkComponents& components, cv::Size page, int character_height,
                            const TextColumnParams& p, const std::vector<uint8_t>* dropped,
                            const std::vector<cv::Rect>& tables = {});

}  // namespace scanfix
