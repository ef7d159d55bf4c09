// The typewriter: types a line one character cell at a time into an ink mask, with what makes
// typescript look typed rather than printed: keys that sit slightly high or low, uneven strike
// strength, the odd double strike, and worn, grainy ink.
#pragma once

#include <map>
#include <opencv2/core.hpp>
#include <string>

#include "rng.hpp"
#include "typeface.hpp"

namespace scanfix::samples {

struct StrikeStyle {
    double jitter_px = 1.0;        // random offset of each strike (sigma, pixels)
    double key_offset_px = 1.2;    // fixed misalignment of each key (max, pixels)
    double strength_spread = 0.3;  // strikes vary between 1 - spread and 1 of full ink
    double double_strike = 0.03;   // share of characters struck twice (darker, wider)
};

class Typewriter {
  public:
    // The keys' misalignments are drawn from `rng` once, so they repeat on every page.
    Typewriter(Typeface& face, const StrikeStyle& style, Rng& rng);

    // Types `text` with its first cell's baseline-left at `at`; returns the inked box.
    cv::Rect type(cv::Mat& ink, const std::string& text, cv::Point at, Rng& rng);
    int advance() const { return face_.advance(); }
    Typeface& face() { return face_; }

  private:
    cv::Point2d key_offset(char32_t c);

    Typeface& face_;
    StrikeStyle style_;
    std::uint64_t salt_;
    std::map<char32_t, cv::Point2d> offsets_;
};

// Ink soaking into the paper fibres: strokes grow by about `pixels` and their edges soften.
void spread_ink(cv::Mat& ink, double pixels);

// Worn ribbon: takes away up to `amount` of the ink in a fine random grain.
void wear_ink(cv::Mat& ink, double amount, Rng& rng);

}  // namespace scanfix::samples
