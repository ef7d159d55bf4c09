// Do no harm: where the evidence says the processed reading may have lost or spoilt text, read
// those places again as plain Tesseract would (its own binarisation of the page as loaded), and
// keep, line by line, whichever reading the label-free estimate prefers. The places are rows of
// ink no read word covers (typing faded as a stamp, text outside the column) and lines read
// with low plausibility. Nothing is read twice where the first reading is good.
#pragma once

#include <string>
#include <vector>

#include "scanfix/cleanup/quality.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/ocr/unread_ink.hpp"

namespace scanfix {

struct SecondReadingParams {
    bool enabled = true;
    std::string thresholding = "sauvola";  // Tesseract's binarisation for the second reading
    double weak_line = 0.45;               // lines whose plausibility is below this are read again
    int weak_line_characters = 4;  // ... when they hold at least this many letters and digits
    double whole_page = 0.3;       // share of unread letters above which the page is read whole
    double margin = 0.05;          // evidence per character by which a second reading must win

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "read again, as plain Tesseract would, where ink is left unread or lines read badly, "
          "and keep the better reading line by line");
        v("thresholding", thresholding, {"otsu", "leptonica_otsu", "sauvola"},
          "Tesseract's own binarisation of the page as loaded for the second reading");
        v("weak_line", weak_line, 0.0, 1.0,
          "estimated plausibility below which a line is read a second time");
        v("weak_line_characters", weak_line_characters, 1, 1000,
          "fewest letters and digits a weak line needs to be read a second time");
        v("whole_page", whole_page, 0.0, 1.0,
          "share of the page's letter-sized marks left unread above which the whole page is "
          "read a second time (else only the places found)");
        v("margin", margin, 0.0, 1.0,
          "evidence per character by which the second reading of lines must beat the first");
    }
    void validate() const {}
};

// Where to read again, on the source image (page.image).
struct SecondReadingPlan {
    std::vector<cv::Rect> areas;  // empty with whole_page
    bool whole_page = false;
    UnreadInk unread;
    int weak_lines = 0;
    bool needed() const { return whole_page || !areas.empty(); }
};

// Judges the page's reading (lines with Line::quality set) against its ink.
SecondReadingPlan plan_second_reading(const Page& page, const SecondReadingParams& p,
                                      const UnreadInkParams& unread);

// `second` holds lines read from the source image (boxes on it). Each group of lines read by
// both is kept from the reading with more evidence (the second must win by p.margin per
// character); lines only the second reading has are added where their evidence is positive;
// words it adds beside a line the first reading only partly covered fill the gap. Every
// choice is logged (stage "second_reading"). Line::quality is set again afterwards.
void choose_readings(Page& page, std::vector<Line> second, const Lexicon* lexicon,
                     const QualityParams& quality, const SecondReadingParams& p);

}  // namespace scanfix
