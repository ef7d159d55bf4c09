// The noise filters of the cleanup stage: each is a free function over one page with a
// parameter struct (defaults, ranges and help in describe()), registered as a named stage in
// filters.cpp. They work on OCR pages (boxes, confidences, regions) and on transcriptions (line
// structure only), and they only mark words or lines removed, logging why (Page::remove_*).
#pragma once

#include <string>
#include <vector>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/line_patterns.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

// Specks: tokens of stray marks (· | ~ ^ .,) and, on OCR pages, low-confidence single letters
// or marks that are much smaller than the page's words or sit off their line.
struct SpeckleParams {
    double max_confidence = 45;  // OCR words at or above this are never specks
    double max_height = 0.5;     // times the median word height: smaller boxes are specks
    bool transcriptions = true;  // also remove stray-mark tokens from plain transcriptions
    template <class V>
    void describe(V& v) {
        v("max_confidence", max_confidence, 0.0, 100.0,
          "OCR words with a confidence at or above this are never treated as specks");
        v("max_height", max_height, 0.05, 1.0,
          "a low-confidence mark or letter whose box is lower than this times the median word "
          "height is a speck");
        v("transcriptions", transcriptions,
          "remove tokens made only of stray marks (| ~ ^ ·) from transcriptions too");
    }
    void validate() const {}
};
void remove_speckle(Page& page, const SpeckleParams& params, const Lexicon* lexicon);

// A margin column: short tokens (1-3 letters) stacked one above the other beside the text
// column, e.g. a register's letter codes typed or stamped down the margin. On OCR pages they
// are found by position and alignment; in transcriptions as a run of lines holding one short
// token each.
struct MarginColumnParams {
    int max_letters = 3;
    int min_run = 4;
    int certain_run = 8;
    double min_unknown_fraction = 0.5;
    double align_tolerance = 2.0;
    double column_slack = 0.5;
    template <class V>
    void describe(V& v) {
        v("max_letters", max_letters, 1, 6, "longest token (in letters) that can be a margin item");
        v("min_run", min_run, 2, 50, "fewest stacked short tokens that make a margin column");
        v("certain_run", certain_run, 2, 100,
          "in transcriptions, a run this long is a margin column whatever the lexicon says "
          "(short abbreviations such as км, ср are dictionary words)");
        v("min_unknown_fraction", min_unknown_fraction, 0.0, 1.0,
          "in transcriptions, the share of a shorter run's tokens the lexicon must not know");
        v("align_tolerance", align_tolerance, 0.2, 10.0,
          "OCR pages: how far (in word heights) the centres of a column's items may stray");
        v("column_slack", column_slack, 0.0, 5.0,
          "OCR pages: how far (in word heights) outside the text column a word must lie");
    }
    void validate() const {}
};
void remove_margin_columns(Page& page, const MarginColumnParams& params, const Lexicon* lexicon);

// Page and folio numbers: a line holding only a number («2.», «- 3 -», «л. 21») that stands
// apart: alone between paragraphs, first or last on the page, or outside the text column.
struct PageNumberParams {
    std::string pattern =
        "(?:[-–—(\\[]\\s*)?\\d{1,4}(?:\\s*[-–—)\\]])?\\.?"
        "|(?:л\\.|лист|стр\\.|с\\.|s\\.|seite|side|blatt|bl\\.|p\\.|page)\\s*\\d{1,4}\\.?";
    template <class V>
    void describe(V& v) {
        v("pattern", pattern, {}, "ICU regular expression a whole page-number line matches");
    }
    void validate() const {}
};
void remove_page_numbers(Page& page, const PageNumberParams& params, const LinePatterns& pattern);

// Registration and cypher numbers: lines made only of numbers, fractions, ranges, number signs
// and Roman numerals («520745», «53 7/46», «N 21, III») unless a sentence runs through them.
struct RegistrationNumberParams {
    bool keep_dates = true;
    int max_tokens = 8;
    template <class V>
    void describe(V& v) {
        v("keep_dates", keep_dates, "keep a line that is only a date written in digits (15.05.49)");
        v("max_tokens", max_tokens, 1, 40, "longest line (in tokens) treated as a number line");
    }
    void validate() const {}
};
void remove_registration_numbers(Page& page, const RegistrationNumberParams& params);

// Stamps and stamp text: lines matching the profile's stamp patterns, form fields of a stamp
// («Экз. №.....»: a few letters then a fill-in row of dots), and on OCR pages words inside a
// Stamp region (inside the text column only when the lexicon does not know them).
struct StampParams {
    bool form_fields = true;
    int fill_in_run = 3;
    int max_form_field_letters = 10;
    int max_line_tokens = 8;
    double max_confidence_in_column = 60;
    std::vector<std::string> patterns;  // cleanup.stamp.patterns + cleanup.stamp.extra_patterns
    template <class V>
    void describe(V& v) {
        v("form_fields", form_fields,
          "remove short lines ending in a fill-in row of dots or underscores (Экз. №.....)");
        v("fill_in_run", fill_in_run, 2, 40, "dots or underscores that make a fill-in row");
        v("max_form_field_letters", max_form_field_letters, 1, 40,
          "most letters a form-field line may hold besides its fill-in row");
        v("max_line_tokens", max_line_tokens, 1, 40,
          "longest line (in tokens) that can be stamp text; longer lines are body text");
        v("max_confidence_in_column", max_confidence_in_column, 0.0, 100.0,
          "OCR pages: a word the lexicon knows inside both a stamp region and the text column is "
          "removed only below this confidence");
    }
    void validate() const {}
};
void remove_stamps(Page& page, const StampParams& params, const LinePatterns& patterns,
                   const Lexicon* lexicon);

// Lines recognition itself judges unreadable (rotated stamps, blots, signatures): on OCR pages,
// a line whose estimated quality is below max_quality and whose kept tokens are all short
// (max_letters letters or fewer, no digit: a folio «- 4 -» is typing) and unknown to the
// lexicon.
struct GarbageLinesParams {
    double max_quality = 0.35;
    int max_letters = 3;
    double thin_height = 0.5;
    double thin_quality = 0.7;
    template <class V>
    void describe(V& v) {
        v("max_quality", max_quality, 0.0, 1.0,
          "OCR pages: a line of short unknown tokens whose estimated quality is below this is no "
          "typing and goes");
        v("max_letters", max_letters, 1, 10,
          "longest token (letters) such a line may hold; a longer one, a digit or a known word "
          "of two letters or more keeps the line");
        v("thin_height", thin_height, 0.0, 1.0,
          "OCR pages: a line of letters or digits lower than this share of the page's median "
          "word height holds no whole letter of the type (the tops of a line cut off by the "
          "page's edge, a rule, a stroke) and goes when read below thin_quality");
        v("thin_quality", thin_quality, 0.0, 1.0,
          "estimated quality below which such a thin line goes");
    }
    void validate() const {}
};
void remove_garbage_lines(Page& page, const GarbageLinesParams& params, const Lexicon* lexicon);

// Handwritten marginalia recognised as garbage: on OCR pages, unknown low-confidence or garbled
// words outside the text column (or in a Margin region); in transcriptions, lines set apart
// whose tokens are mostly garbled (letters broken by symbols or digits).
struct MarginaliaParams {
    double max_confidence = 55;
    double max_confidence_in_column = 20;
    double min_confidence_known = 30;
    double min_garbled_fraction = 0.6;
    bool transcriptions = true;
    bool numbers_in_margins = true;
    double handwriting_confidence = 75;
    double handwriting_height = 1.4;
    double handwriting_spread = 0.35;
    template <class V>
    void describe(V& v) {
        v("max_confidence", max_confidence, 0.0, 100.0,
          "OCR pages: unknown words outside the text column below this confidence are marginalia");
        v("handwriting_confidence", handwriting_confidence, 0.0, 100.0,
          "OCR pages: a block of words wholly outside the text column, read below this mean "
          "confidence and with letters unlike the type (see handwriting_height, "
          "handwriting_spread), is handwriting and goes whole, known words too");
        v("handwriting_height", handwriting_height, 1.0, 10.0,
          "such a block's median word height, in median body word heights, from which its "
          "letters count as larger than the type");
        v("handwriting_spread", handwriting_spread, 0.0, 5.0,
          "such a block's spread of word heights (standard deviation / mean) from which its "
          "letters count as irregular, unlike type");
        v("min_confidence_known", min_confidence_known, 0.0, 100.0,
          "OCR pages: words outside the text column below this confidence are noise even when "
          "the lexicon knows them");
        v("max_confidence_in_column", max_confidence_in_column, 0.0, 100.0,
          "OCR pages: garbled unknown words inside the column below this confidence are "
          "interlinear notes");
        v("min_garbled_fraction", min_garbled_fraction, 0.1, 1.0,
          "share of garbled tokens that makes a set-apart line marginalia");
        v("transcriptions", transcriptions, "also look for garbled lines in transcriptions");
        v("numbers_in_margins", numbers_in_margins,
          "OCR pages: numbers and lone marks outside the text column (folio and registration "
          "numbers, pencil ticks) are noise");
    }
    void validate() const {}
};
void remove_marginalia(Page& page, const MarginaliaParams& params, const Lexicon* lexicon);

// After lines are removed, text that ran through them continues: the paragraph after a removed
// run is joined to the one before when the sentence is not closed (a comma, a hyphen, then
// lower case). Logged as "joined". run_cleanup calls it after the stages.
void rejoin_across_removed_lines(Page& page);

}  // namespace scanfix
