// Ink masks and how ink sits on paper: every painter (typewriter, pen, stamp) draws an 8-bit
// mask (255 = full ink) and lays it on the paper in its own colour, multiplied like real ink,
// so a violet stamp over black type leaves the type black.
#pragma once

#include <opencv2/core.hpp>

#include "rng.hpp"

namespace scanfix::samples {

// Puts `src` into `dst` with its top-left at `at`, scaled by `strength` (0..1), keeping the
// stronger ink where both have some. Returns the part of `dst` touched (clipped; may be empty).
cv::Rect place_mask(cv::Mat& dst, const cv::Mat& src, cv::Point at, double strength = 1.0);

// paper (CV_32FC3, 0..1) *= 1 - alpha * opacity * (1 - colour); colour is BGR in 0..1.
void lay_ink(cv::Mat& paper, const cv::Mat& alpha, const cv::Scalar& colour, double opacity);

// Bounding box of the inked pixels of `alpha` (value above `level`), offset by `origin`.
cv::Rect inked_box(const cv::Mat& alpha, cv::Point origin = {0, 0}, int level = 32);

// Smooth random field (CV_32FC1, 0..1) varying over about `cells` steps across the larger side:
// uneven paper tone, patchy stamp ink.
cv::Mat smooth_noise(cv::Size size, int cells, Rng& rng);

}  // namespace scanfix::samples
