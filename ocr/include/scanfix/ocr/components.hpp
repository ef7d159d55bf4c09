// The connected ink components of a binary page, labelled once and shared by the steps that
// judge marks by their size and place (edge strokes in border.hpp, specks in despeckle.hpp, the
// text column in text_column.hpp), so a page is labelled once instead of once per step.
#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace scanfix {

struct InkComponents {
    cv::Mat labels;  // CV_32S, 0 = paper
    cv::Mat stats;   // one row per label, cv::CC_STAT_* columns
    int count = 0;   // number of labels, paper included

    cv::Rect box(int label) const;
    int area(int label) const;
};

// Whether a box of ink has the size of a letter (or a few touching letters) of type
// `character_height` pixels tall.
bool letter_sized(const cv::Rect& box, int character_height);

// The middle value of a measure over marks (the upper middle of an even count); `values` must
// not be empty.
int median_of(std::vector<int> values);

// For each mark (a character-shaped box on a page of `page` size), whether it stands in a row
// of letters: another mark of about its height (2/3 to 3/2) shares most of its height and sits
// within one and a half heights of it. Typing lines up; dust and stamps' strokes rarely do.
// `max_height` bounds the marks' heights (for the neighbourhood searched).
std::vector<bool> in_rows_of_letters(const std::vector<cv::Rect>& marks, cv::Size page,
                                     int max_height);

// Labels the ink (0) of `binary` (text 0 on 255), 8-connected.
InkComponents label_ink(const cv::Mat& binary);

// 255 where the component of a pixel has drop[label] != 0.
cv::Mat component_mask(const InkComponents& components, const std::vector<uint8_t>& drop);

// Paints paper (255) on the grey page `gray` over `marks` (255 = to go) and a rim of `rim`
// pixels round them, but never over ink of `binary` (text 0) outside `marks`: a letter beside
// a removed mark keeps its grey edge.
void paint_paper(cv::Mat& gray, const cv::Mat& binary, const cv::Mat& marks, int rim);

// Sets to paper (255) every pixel of `binary` whose component has drop[label] != 0.
void erase_components(cv::Mat& binary, const InkComponents& components,
                      const std::vector<uint8_t>& drop);

}  // namespace scanfix
