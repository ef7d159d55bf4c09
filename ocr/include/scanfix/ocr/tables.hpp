// Ruled tables: a grid of thin horizontal and vertical rules (an inventory of files, a list of
// supplies, a form). Read as prose, a table comes out one column at a time, or the text column
// holds one of its columns and the others are read as margins, with the rules turned into
// letters. A table found here joins the text column whole, its rules are removed from both pages
// (they are straight strokes many letters long, never type), and it is read row by row: each
// band between two horizontal rules is one area, so a row's cells come out as one line.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct TableParams {
    bool enabled = true;
    double min_rule = 3.0;        // shortest rule (character heights), across or down
    double max_thickness = 0.35;  // thickest rule (character heights)
    int min_rules = 5;            // fewest rules, across and down together, that make a grid

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "find ruled tables, remove their rules and read them row by row");
        v("min_rule", min_rule, 1.5, 100.0,
          "shortest straight stroke (character heights), across or down, that is a table's rule");
        v("max_thickness", max_thickness, 0.02, 1.0,
          "thickest stroke (character heights) that is a rule, not a bar or a page edge");
        v("min_rules", min_rules, 4, 1000,
          "fewest crossing rules (at least two across and two down) that make a table; four "
          "make a frame round a block of text, which is read as it is");
    }
    void validate() const {}
};

struct RuledTable {
    cv::Rect box;                 // the rules' extent
    std::vector<cv::Rect> rows;   // the bands between horizontal rules, top to bottom
    std::vector<cv::Rect> rules;  // every rule of the grid
};

// The ruled tables of `binary` (text 0 on 255), type `character_height` pixels tall: groups of
// crossing thin rules, at least two across and two down, `min_rules` in all, holding typing
// (most marks in them are letters standing in rows; a ruled box filled in by hand is none).
std::vector<RuledTable> find_ruled_tables(const cv::Mat& binary, int character_height,
                                          const TableParams& p);

// Paints the table's rules as paper on `binary` and `gray`, keeping each stretch where a
// letter's stroke crosses a rule (see remove_underlines).
void remove_table_rules(cv::Mat& binary, cv::Mat& gray, const RuledTable& table,
                        int character_height, const TableParams& p);

}  // namespace scanfix
