// Removing dust, toner spatter and paper grain from the binary page. Sizes are relative to the
// measured character height, so the same profile works at 200 and 600 dpi; small marks close to
// a letter (punctuation, the dots of «ё», the breve of «й», diacritics) are kept.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct DespeckleParams {
    bool enabled = true;
    double min_size = 0.12;      // marks smaller than this (× character height) always go
    double dot_size = 0.45;      // marks up to this size are dots: kept only near a letter
    double keep_distance = 1.0;  // a dot this close (× character height) to a letter stays

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "remove specks that cannot be part of the text");
        v("min_size", min_size, 0.0, 1.0,
          "marks smaller than this many character heights are always removed");
        v("dot_size", dot_size, 0.05, 2.0,
          "marks up to this many character heights are kept only near a letter");
        v("keep_distance", keep_distance, 0.0, 5.0,
          "distance in character heights within which a dot belongs to a letter");
    }
    void validate() const {
        if (min_size > dot_size)
            throw ConfigError("", 0, "preprocess.despeckle.min_size must not exceed dot_size");
    }
};

// Whitens the specks of `binary` (text 0 on 255) in place; returns their boxes.
std::vector<cv::Rect> despeckle(cv::Mat& binary, int character_height, const DespeckleParams& p);

// The same test on components already labelled: sets drop[label] for each speck and returns
// their boxes; components already marked in `drop` are neither kept nor counted as letters.
std::vector<cv::Rect> find_specks(const InkComponents& components, int character_height,
                                  const DespeckleParams& p, std::vector<uint8_t>& drop);

}  // namespace scanfix
