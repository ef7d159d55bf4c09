// Intermediate images of the preprocessing steps, written as numbered PNGs
// (<page stem>-NN-<step>.png) when Context::debug_dir is set, plus an overlay that shows the
// regions found, the skew angle and the removed specks on the final grey page.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix {

class DebugImages {
  public:
    // Does nothing when `dir` is empty. Creates the folder when needed.
    DebugImages(const std::string& dir, const Page& page);
    bool enabled() const { return !dir_.empty(); }
    // Writes the next numbered image; throws InputError when the file cannot be written.
    void save(const std::string& step, const cv::Mat& image);
    // The overlay: regions as coloured boxes with their kind, removed marks in red, skew in the
    // corner, drawn on `gray`.
    void save_overlay(const cv::Mat& gray, const Page& page, const std::vector<cv::Rect>& removed);

  private:
    std::string dir_, stem_;
    int counter_ = 0;
};

}  // namespace scanfix
