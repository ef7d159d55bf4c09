// How the typist lays a text out: paragraphs broken into lines of a fixed number of character
// cells (indented first lines, ragged right, long words hyphenated at the line end), lines cut
// into pages, and the two reference texts written back from those lines. Pure text, no images.
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

// Where a word of Cyrillic or Latin letters may be split (code point offsets, 2..n-2), by the
// simple syllable rules a typist follows: V|CV, C|C, V|V, after ь or ъ, never before ь, ъ, й
// or ы.
std::vector<size_t> hyphenation_points(const std::u32string& letters);

// Cuts lines into pages of at most `lines_per_page` rows; `paragraph_gap` blank rows are left
// before every paragraph that does not open a page.
std::vector<std::vector<TypedLine>> split_pages(const std::vector<TypedLine>& lines,
                                                int lines_per_page, int paragraph_gap);

// Reading layout: one paragraph per line, paragraphs separated by a blank line, added hyphens
// removed and the halves rejoined. A word split across the page end keeps its hyphen.
std::string reading_text(const std::vector<TypedLine>& lines);

// Diplomatic layout: the lines as typed, line-end hyphens kept, `paragraph_gap` blank lines
// between paragraphs as on the page.
std::string diplomatic_text(const std::vector<TypedLine>& lines, int paragraph_gap);

}  // namespace scanfix::samples
