// What was added around the typed body after typing: the handwritten page number at the top,
// the registration marks in a corner («Экз. №.....», «53 7/46») and a column of stray letter
// pairs («вд», «эв», one per line) in a margin. Each draws into ink masks and records itself.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "noise_record.hpp"
#include "rng.hpp"
#include "typeface.hpp"
#include "typewriter.hpp"

namespace scanfix::samples {

// `count` two-letter lower-case Cyrillic groups, now and then a single letter.
std::vector<std::string> letter_pairs(int count, Rng& rng);

// Types one group per baseline with the groups' left edge at `x`.
NoiseItem margin_column(cv::Mat& type_ink, Typewriter& typewriter,
                        const std::vector<int>& baselines, int x, Rng& rng);

// Writes "<number>." by hand centred on `centre`.
NoiseItem page_number(cv::Mat& pen_ink, Typeface& pen, int number, cv::Point centre, Rng& rng);

// A registration block inside `area`: sometimes a handwritten number like «53 7/46» over the
// typed «Экз. №.....». One item per line.
std::vector<NoiseItem> registration_marks(cv::Mat& type_ink, cv::Mat& pen_ink,
                                          Typewriter& typewriter, Typeface& pen, cv::Rect area,
                                          Rng& rng);

}  // namespace scanfix::samples
