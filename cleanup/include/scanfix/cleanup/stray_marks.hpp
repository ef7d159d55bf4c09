// Stray marks: specks that OCR glued to words as punctuation — ‘слово, слово`, .слово, отде-.,
// a dot between two words (смогут.вернуть) or after a word in mid-sentence. A mark is dropped only
// when the word it clings to is known to the lexicon, so real punctuation of unknown words,
// names and abbreviations stays. A comma whose glyph sits on the baseline like the page's full
// stops is a full stop (typewriter full stops are often read as commas). Runs with the correction
// stages (see correction_stages.cpp).
#pragma once

#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

struct StrayMarksParams {
    bool quotes = true;
    bool inner_dots = true;
    int inner_dot_letters = 5;
    bool leading_dots = true;
    bool hyphen_dots = true;
    bool hyphen_space = true;
    int conjunction_letters = 4;
    bool mid_sentence_dots = true;
    double max_confidence = 92;
    int min_letters = 4;
    bool full_stops = true;
    double full_stop_split = 0.3;
    double full_stop_spread = 2.0;
    double full_stop_separation = 0.12;
    double full_stop_contrast = 2.0;
    int full_stop_marks = 3;

    template <class V>
    void describe(V& v) {
        v("quotes", quotes,
          "drop an unpaired single quote mark (‘ ’ ‚ ` ') at the edge of a known word");
        v("inner_dots", inner_dots,
          "two known words joined by a comma, or by a dot before a capital, get back the space "
          "typed after the mark (wurden,die → wurden, die); a number and a word joined by a dot "
          "or comma are split (30.апреля)");
        v("inner_dot_letters", inner_dot_letters, 1, 20,
          "a dot glued between a known word of at least this many letters and a lower-case known "
          "word is a speck in the space (смогут.вернуть → смогут вернуть); after a shorter word "
          "it is an abbreviation typed close (hod.ráno) and stays");
        v("leading_dots", leading_dots,
          "drop a dot or comma glued before a known word (.la, ,слово)");
        v("hyphen_dots", hyphen_dots, "drop a dot or comma after a line-end hyphen (отде-.)");
        v("hyphen_space", hyphen_space,
          "join «экспертно- проверочной»: a hyphen then a space then a lower-case word, inside a "
          "line");
        v("conjunction_letters", conjunction_letters, 0, 10,
          "a known word of at most this many letters after the hyphen is a conjunction: the "
          "hyphen holds a compound's first part for a later one («Bade- og Kursteder», «Ein- und "
          "Ausfuhr», «научно- и технический») and nothing is joined");
        v("mid_sentence_dots", mid_sentence_dots,
          "OCR pages: drop a dot after a known word when a known lower-case word follows (also on "
          "the next line)");
        v("max_confidence", max_confidence, 0.0, 100.0,
          "OCR pages: only words read below this confidence lose a mid-sentence dot");
        v("min_letters", min_letters, 1, 20,
          "shortest word that loses a mid-sentence dot (shorter ones may be abbreviations)");
        v("full_stops", full_stops,
          "OCR pages: a comma read at a word's end whose glyph sits on the baseline like the "
          "page's full stops, not below it like its commas' tails, is a full stop (stát, → stát.)");
        v("full_stop_split", full_stop_split, 0.05, 0.95,
          "where between the page's full stops (0: the median depth of their glyphs below the "
          "baseline) and its commas (1: the upper quartile) a comma's glyph becomes a full stop");
        v("full_stop_spread", full_stop_spread, 0.5, 10.0,
          "and at most this many spreads (1.48 median absolute deviations) of the full stops' "
          "depths below their median");
        v("full_stop_separation", full_stop_separation, 0.0, 1.0,
          "the page's commas must reach at least this much further below the baseline than its "
          "full stops (in letter heights), else the page gives no evidence and nothing changes");
        v("full_stop_contrast", full_stop_contrast, 0.0, 20.0,
          "and at least this many spreads of the full stops' depths (dust read as full stops "
          "scatters them)");
        v("full_stop_marks", full_stop_marks, 1, 100,
          "fewest commas at the full stops' depth on a page for any to become a full stop (one "
          "alone is a comma's tail lost to the scan)");
    }
    void validate() const {}
};

// Repairs the document's kept words in place; every change goes through Page::replace_word.
void remove_stray_marks(Document& doc, const Lexicon& lexicon, const StrayMarksParams& params,
                        const std::string& stage);

}  // namespace scanfix
