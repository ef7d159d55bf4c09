// The sheet before anything is typed on it: white, or aged paper with a yellowish tone, a
// gradient from uneven lighting, faint stains, a darker rim and a fine grain.
#pragma once

#include <opencv2/core.hpp>

#include "rng.hpp"

namespace scanfix::samples {

// BGR paper, CV_32FC3 in 0..1. `strength` (0..1) sets how aged it looks; 0 gives plain white.
cv::Mat make_paper(cv::Size size, double strength, Rng& rng);

}  // namespace scanfix::samples
