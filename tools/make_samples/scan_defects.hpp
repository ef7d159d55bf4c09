// What handling and scanning do to a typed sheet: punch holes, the sheet lying askew on the
// glass, the dark strip where the scanner saw past the paper's edge, dust specks and a slight
// blur. Each works on the page image (CV_32FC3, 0..1) and returns what it placed.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "noise_record.hpp"
#include "rng.hpp"

namespace scanfix::samples {

// Two filing holes in the left margin, 80 mm apart about the middle (dark: the scanner lid).
std::vector<NoiseItem> punch_holes(cv::Mat& page, double dpi, Rng& rng);

// Turns the page by `degrees` (positive = counter-clockwise) about its centre, keeping its
// size; `moved` receives the transform so boxes placed before can follow.
NoiseItem skew_page(cv::Mat& page, double degrees, cv::Matx23d& moved);

// The bounding box of `box` after `moved`, clipped to `bounds`.
cv::Rect move_box(const cv::Rect& box, const cv::Matx23d& moved, cv::Size bounds);

// Dark strips with a ragged inner edge along `edges` (1 or 2) random sides of the page.
std::vector<NoiseItem> scanner_border(cv::Mat& page, int edges, int width_px, Rng& rng);

// `count` dark dots of radius 1..max_radius, a few in small clusters.
std::vector<NoiseItem> speckle(cv::Mat& page, int count, int max_radius, Rng& rng);

// `count` dust fibres and fine scratches: thin dark curves 3 to 30 mm long, anywhere.
std::vector<NoiseItem> hairs(cv::Mat& page, int count, double dpi, Rng& rng);

// Gaussian blur of the whole page.
NoiseItem blur_page(cv::Mat& page, double sigma);

}  // namespace scanfix::samples
