// Text set at right angles to the type: a "received" stamp struck sideways, a file number
// written up the margin. Read upright it comes out as a stack of short weak lines of fragments
// ("us rivution", "= so Dee", "ii 2"). Where such a stack stands, its place is read again
// turned a quarter each way; if a turned reading is plausible where the upright one was not,
// the place holds text at right angles, not typing of the body. Its upright fragments are
// removed (stage "turned_text", with what the turned reading says), and the place becomes a
// Stamp region whose note holds that reading. Evidence from recognition alone: nothing is
// removed unless the turned reading says text.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <utility>
#include <vector>

#include "scanfix/cleanup/quality.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/ocr/recognizer.hpp"

namespace scanfix {

struct TurnedTextParams {
    bool enabled = true;
    double weak = 0.6;     // lines read below this plausibility may be text at right angles
    int lines = 3;         // ... when at least this many of them stand stacked together
    double join = 2;       // weak words less than this many letter heights apart stand together
    double accept = 0.6;   // plausibility the turned reading needs
    double margin = 0.25;  // by which it must beat the upright reading of the same words
    int characters = 8;    // letters and digits the turned reading must hold

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "read stacks of weak short lines again turned a quarter each way, and take them for "
          "text at right angles to the type (a stamp, a note up the margin) where the turned "
          "reading is plausible");
        v("weak", weak, 0.0, 1.0,
          "estimated plausibility below which a line may be text at right angles read upright");
        v("lines", lines, 2, 100, "fewest such lines standing together that are read turned");
        v("join", join, 0.0, 20.0,
          "letter heights within which the weak words of such lines are taken to stand "
          "together (the turned letters' size and spacing are not the type's)");
        v("accept", accept, 0.0, 1.0, "plausibility the turned reading needs");
        v("margin", margin, 0.0, 1.0,
          "plausibility by which the turned reading must beat the upright reading");
        v("characters", characters, 1, 1000,
          "fewest letters and digits the turned reading must hold");
    }
    void validate() const {}
};

// A place where weak lines stand stacked: its box on the working image, the (line, word)
// indices of the weak words in it, and the plausibility of their upright reading.
struct TurnedCandidate {
    cv::Rect box;
    std::vector<std::pair<int, int>> words;
    double upright = 0;
};

// The places of the page (Line::quality set) where at least p.lines weak lines stand
// together: the weak lines' kept words, joined where less than p.join letter heights apart.
std::vector<TurnedCandidate> find_turned_candidates(const Page& page, const TurnedTextParams& p);

// Reads each candidate of the working grey image turned both ways with `settings` (one block)
// and removes the upright words of those a turned reading shows as text. Returns how many
// places were taken for text at right angles.
int read_turned_text(Page& page, Recognizer& recognizer, const OcrParams& settings,
                     const Lexicon* lexicon, const QualityParams& quality,
                     const TurnedTextParams& p);

}  // namespace scanfix
