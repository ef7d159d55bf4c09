// Handwriting for page numbers and registration numbers: a slanted face made irregular by a
// random slant, tilt and wavering strokes, so no two handwritten marks look alike.
#pragma once

#include <opencv2/core.hpp>
#include <string>

#include "rng.hpp"
#include "typeface.hpp"

namespace scanfix::samples {

// The ink mask (CV_8UC1, 255 = full ink) of `text` written by hand, cropped to the ink.
cv::Mat pen_write(Typeface& face, const std::string& text, Rng& rng);

}  // namespace scanfix::samples
