// How the typist lays a text out: paragraphs broken into lines of a fixed number of character
// cells (indented first lines, ragged right, long words hyphenated at the line end), or lines
// typed as written (verse, dialogue, lists) or as table rows; lines cut into pages of one or
// more columns, and the two reference texts written back from those lines. Pure text, no images.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix::samples {

// One typed line. `text` excludes the indentation; `join` says how the line continues on the
// next line of the same paragraph (a line-end hyphen the typist added is SoftHyphen).
struct TypedLine {
    std::string text;
    int indent = 0;
    int paragraph = 0;  // index into the source paragraphs
    bool paragraph_start = false;
    bool paragraph_end = false;
    LineJoin join = LineJoin::Space;
    int blank_before = 0;  // blank rows the source leaves before this line (lines as written)
    int column = 0;        // where split_pages put it: text column of the page (0 = left)
    int row = 0;           // and the row within that column (blank rows counted)
};

struct LineSettings {
    int columns = 64;         // character cells per line
    int indent = 5;           // cells before a paragraph's first line
    bool hyphenate = true;    // split long words at the line end, as typists did
    int min_hyphen_word = 5;  // letters a word needs before it is split
};

// Splits a text into paragraphs at blank lines; whitespace inside a paragraph becomes one space.
std::vector<std::string> split_paragraphs(const std::string& text);

// Breaks paragraphs into typed lines (greedy, like a typist at the carriage bell).
std::vector<TypedLine> set_lines(const std::vector<std::string>& paragraphs,
                                 const LineSettings& settings);

// Lines as written, for verse, dialogue, lists: every source line is typed as it stands, its
// leading spaces as indentation (in cells), blank lines as blank rows; a block between blank
// lines is one paragraph. A line longer than `columns` cells is broken at spaces, the rest
// typed on the next line with the same indentation.
std::vector<TypedLine> set_written_lines(const std::string& text, int columns);

// Table rows: every non-blank source line is a row whose cells are separated by '|'; each
// column starts `gap` cells after the widest cell of the column before it. `cell_starts`
// receives the cell where each column starts. Throws ConfigError when a row is wider than
// `columns`.
std::vector<TypedLine> set_table_rows(const std::string& text, int columns, int gap,
                                      std::vector<int>& cell_starts);

// Where a word of Cyrillic or Latin letters may be split (code point offsets, 2..n-2), by the
// simple syllable rules a typist follows: V|CV, C|C, V|V, after ь or ъ, never before ь, ъ, й
// or ы.
std::vector<size_t> hyphenation_points(const std::u32string& letters);

// Cuts lines into pages of `text_columns` columns of at most `lines_per_page` rows each, filled
// column by column; `paragraph_gap` blank rows are left before every paragraph, and a line's own
// blank_before rows before it, except at the top of a column. Sets each line's column and row.
std::vector<std::vector<TypedLine>> split_pages(const std::vector<TypedLine>& lines,
                                                int lines_per_page, int paragraph_gap,
                                                int text_columns = 1);

// Reading layout: one paragraph per line, paragraphs separated by a blank line, added hyphens
// removed and the halves rejoined. A word split across the page end keeps its hyphen.
std::string reading_text(const std::vector<TypedLine>& lines);

// Diplomatic layout: the lines as typed (column by column), line-end hyphens kept, the blank
// lines left between paragraphs (`paragraph_gap`) and by the source (blank_before) as on the
// page.
std::string diplomatic_text(const std::vector<TypedLine>& lines, int paragraph_gap);

}  // namespace scanfix::samples
