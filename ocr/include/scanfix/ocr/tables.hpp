// Ruled tables: a grid of thin horizontal and vertical rules (an inventory of files, a list of
// supplies, a form). Read as prose, a table comes out one column at a time, or the text column
// holds one of its columns and the others are read as margins, with the rules turned into
// letters. A table found here joins the text column whole, its rules are removed from both pages
// (they are straight strokes many letters long, never type), and it is read row by row: each
// band between two horizontal rules is one area, so a row's cells come out as one line.
// A table typed without rules (an inventory, a list of figures) is found from its columns: a run
// of rows of typing whose ink leaves the same white gutters down every row. It is read the same
// way, one row at a time.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct TableParams {
    bool enabled = true;
    double min_rule = 3.0;        // shortest rule (character heights), across or down
    double max_thickness = 0.35;  // thickest rule (character heights)
    int min_rules = 5;            // fewest rules, across and down together, that make a grid
    bool unruled = true;          // also find tables typed without rules, from their gutters
    double gutter = 2.5;          // narrowest white gutter (character heights) between columns
    int min_columns = 3;          // fewest columns of an unruled table
    int min_rows = 4;             // fewest rows of an unruled table
    double widest_column = 0.65;  // widest column of an unruled table, as a share of its width
    double row_gap = 3.0;         // widest white (character heights) between two of its rows

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
        v("unruled", unruled,
          "also find tables typed without rules: runs of rows whose ink leaves the same white "
          "gutters down every row, read row by row");
        v("gutter", gutter, 1.0, 50.0,
          "narrowest white gutter (character heights) between two columns of an unruled table; "
          "wider than the spaces between words");
        v("min_columns", min_columns, 3, 100,
          "fewest columns of an unruled table (two are a list or a dialogue, read as text)");
        v("min_rows", min_rows, 2, 1000, "fewest rows of an unruled table");
        v("widest_column", widest_column, 0.1, 1.0,
          "widest column of an unruled table, as a share of the table's width: a body of text "
          "between two margin columns is no table");
        v("row_gap", row_gap, 0.5, 50.0,
          "widest white (character heights) between two rows of an unruled table");
    }
    void validate() const {}
};

// A table found on the page, ruled or not.
struct TypedTable {
    cv::Rect box;                 // the rules' extent, or the typed rows'
    std::vector<cv::Rect> rows;   // the bands between rules across (or typed rows), top down
    std::vector<cv::Rect> rules;  // every rule of the grid (none when typed without rules)
};

// The ruled tables of `binary` (text 0 on 255), type `character_height` pixels tall: groups of
// crossing thin rules, at least two across and two down, `min_rules` in all, holding typing
// (most marks in them are letters standing in rows; a ruled box filled in by hand is none).
std::vector<TypedTable> find_ruled_tables(const cv::Mat& binary, int character_height,
                                          const TableParams& p);

// The tables typed without rules on a page of `page` size with ink `components` (those with
// dropped[label] set left out) and type `character_height` pixels tall: runs of at least
// `min_rows` rows of typing whose ink, row upon row, leaves white gutters between at least
// `min_columns` columns, none wider than `widest_column` of the table, most rows with cells in
// two of them, and not two wide columns of full lines (prose typed in two columns). Marks
// inside `ruled` (ruled tables) are left out; marks in `stamps` are no typing. Each table's
// rows are its typed rows, and at least two in three of its marks are typing.
std::vector<TypedTable> find_unruled_tables(const InkComponents& components,
                                            const std::vector<uint8_t>* dropped, cv::Size page,
                                            int character_height, const TableParams& p,
                                            const std::vector<cv::Rect>& ruled,
                                            const std::vector<cv::Rect>& stamps = {});

// Paints the table's rules as paper on `binary` and `gray`, keeping each stretch where a
// letter's stroke crosses a rule (see remove_underlines).
void remove_table_rules(cv::Mat& binary, cv::Mat& gray, const TypedTable& table,
                        int character_height, const TableParams& p);

}  // namespace scanfix
