// Binarisation of the flattened grey page: Sauvola (default, robust to faint and uneven type),
// Wolf (better on low-contrast carbon copies) or global Otsu (fast; only for clean, even scans).
// The local window follows the measured character height when not set.
#pragma once

#include <opencv2/core.hpp>
#include <string>

#include "scanfix/core/error.hpp"

namespace scanfix {

struct BinarizeParams {
    std::string method = "sauvola";
    int window = 0;             // odd side of the local window in pixels; 0 = from character height
    double window_chars = 2.0;  // window = this many character heights when window is 0
    double k = 0.2;             // sensitivity: larger keeps less faint ink
    double r = 128;             // Sauvola's dynamic range of the standard deviation
    bool clean_margins = true;  // outside the text column, paper away from ink is white (grey page)

    template <class V>
    void describe(V& v) {
        v("method", method, {"sauvola", "wolf", "otsu"}, "thresholding algorithm");
        v("window", window, 0, 401, "local window in pixels (odd); 0 = from character height");
        v("window_chars", window_chars, 0.5, 10.0, "window in character heights when window=0");
        v("k", k, 0.01, 1.0, "threshold sensitivity (higher = thinner, less faint ink kept)");
        v("r", r, 1.0, 255.0, "Sauvola dynamic range of the standard deviation");
        v("clean_margins", clean_margins,
          "outside the text column, set the grey page to white away from the ink of the binary "
          "page (keeps the grey edges of strokes, removes paper grain the recognizer would "
          "threshold into letters when it reads a margin on its own)");
    }
    void validate() const {
        if (window != 0 && (window < 3 || window % 2 == 0))
            throw ConfigError("", 0, "preprocess.binarize.window must be 0 or an odd number >= 3");
    }
};

// Text 0 on 255. `character_height` (pixels) sizes the window when p.window is 0.
cv::Mat binarize(const cv::Mat& gray, const BinarizeParams& p, int character_height);

// The window binarize() uses for these parameters.
int binarize_window(const BinarizeParams& p, int character_height);

}  // namespace scanfix
