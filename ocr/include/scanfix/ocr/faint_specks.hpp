// Dust and show-through that are much paler than the page's type: a punctuation-sized mark on
// clean paper whose darkest pixel is far lighter than the darkest pixels of the letters. Judged
// on the grey page against the type of the same page, so faint, broken typing (whose fragments
// are as pale as its letters, or lie in the grey haze of its strokes) keeps its pieces while
// grey dust beside black type goes. Size-only speck removal is in despeckle.hpp; the marks are
// labelled once in components.hpp.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct FaintSpeckParams {
    bool enabled = true;
    double max_size = 0.45;           // marks up to this size (× character height) are judged
    double contrast_share = 0.5;      // fainter than this share of the type's contrast: dust
    bool keep_inside_letters = true;  // a pale mark within a letter's box is part of it
    double ring = 0.15;           // width (× character height) of the paper judged round a mark
    double surround_share = 0.1;  // that paper may differ from white by this share of the type's

    template <class V>
    void describe(V& v) {
        v("enabled", enabled,
          "remove punctuation-sized marks much paler than the page's type, from the binary and "
          "the grey page");
        v("max_size", max_size, 0.05, 2.0,
          "largest mark (character heights) that is judged by its darkness");
        v("contrast_share", contrast_share, 0.0, 1.0,
          "a mark whose darkest pixel differs from paper by less than this share of the typical "
          "letter's is dust or show-through");
        v("keep_inside_letters", keep_inside_letters,
          "keep pale marks that lie within the box of a letter (pieces of worn or broken type)");
        v("ring", ring, 0.02, 1.0,
          "width (character heights) of the paper round a pale mark that must be clean");
        v("surround_share", surround_share, 0.0, 1.0,
          "a pale mark counts as dust only when the paper round it differs from white by less "
          "than this share of the type's contrast (not in the grey haze of a stroke)");
    }
    void validate() const {}
};

// The typical darkness of the type: the median over character-sized components of their
// darkest grey value (0 black .. 255 paper). 255 when there are no letters.
int type_darkness(const InkComponents& components, const std::vector<int>& darkest,
                  int character_height);

// The darkest grey value under each component (index = label; 255 for paper label 0).
std::vector<int> darkest_values(const InkComponents& components, const cv::Mat& gray);

// Marks (sets drop[label]) the components of at most max_size character heights whose darkest
// grey value is fainter than contrast_share of the type's contrast against white paper (the
// grey page is flattened: paper is 255). Components already in `drop` are skipped. Returns the
// boxes of the marks found.
std::vector<cv::Rect> find_faint_specks(const InkComponents& components, const cv::Mat& gray,
                                        int character_height, const FaintSpeckParams& p,
                                        std::vector<uint8_t>& drop);

// Paints paper (255) on the grey page over the marked components and a rim of `rim` pixels
// round them, but not over ink of the binary page (`binary`, text 0) that is not marked.
void erase_from_gray(cv::Mat& gray, const cv::Mat& binary, const InkComponents& components,
                     const std::vector<uint8_t>& marked, int rim);

}  // namespace scanfix
