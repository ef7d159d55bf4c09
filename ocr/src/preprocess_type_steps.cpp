// Preprocessing steps that measure the type and straighten and threshold the page: the type size
// (and the resolution it implies), the skew of the lines, and the binarisation.
#include <fmt/core.h>

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"
#include "shrink.hpp"

namespace scanfix {
namespace {

// A global threshold of the flattened page, shrunk while characters stay ten pixels tall: good
// enough to measure the character height (which sizes the Sauvola window, the speck limits and
// the text-column smearing) and the skew. The resolution is replaced by the one the type size
// implies when the stated one is far off (see ResolutionParams).
PreprocessStepFn type_size_step(const Profile& profile) {
    const auto res = read_params<ResolutionParams>(profile, "preprocess.resolution");
    return [res](PreprocessState& s) {
        for (int f : {2, 1}) {
            cv::Mat small;
            if (f > 1)
                cv::resize(s.gray, small, divided(s.gray.size(), f), 0, 0, cv::INTER_AREA);
            else
                small = s.gray;
            cv::threshold(small, s.rough_binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
            const std::vector<int> heights = character_heights(s.rough_binary);
            if (res.enabled) {
                const int measured = resolution_from_type(heights, res.type_mm) * f;
                if (measured > 0 &&
                    (measured * res.tolerance < s.dpi || measured > s.dpi * res.tolerance)) {
                    s.note("measured", fmt::format("type size gives {} dpi instead of {}: using it",
                                                   measured, s.dpi));
                    s.dpi = measured;
                    s.page.dpi = measured;
                }
            }
            s.rough_factor = f;
            s.character_height = character_height_at(heights, std::max(1, s.dpi / f)) * f;
            if (s.character_height / f >= 10) break;
        }
    };
}

PreprocessStepFn deskew_step(const Profile& profile) {
    const auto p = read_params<DeskewParams>(profile, "preprocess.deskew");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        SkewEstimate skew = estimate_skew(s.rough_binary, s.character_height / s.rough_factor, p);
        s.page.skew_degrees = skew.degrees;
        if (skew.points == 0) {
            s.note("kept", "too little text to measure the skew");
            return;
        }
        if (std::abs(skew.degrees) < p.min_degrees) {
            s.note("measured", fmt::format("skew {:.2f} degrees, not corrected", skew.degrees));
            return;
        }
        if (!turned_page_fits(s.gray.size(), skew.degrees)) {
            s.note("kept", fmt::format("skew {:.2f} degrees, not corrected: the turned page "
                                       "would be too large",
                                       skew.degrees));
            return;
        }
        const cv::Mat m = deskew_transform(s.gray.size(), skew.degrees, nullptr);
        s.gray = rotate_page(s.gray, skew.degrees, 255, cv::INTER_LINEAR);
        for (auto& region : s.page.regions) region.box = rotate_box(region.box, m);
        const cv::Matx33d rotation(m.at<double>(0, 0), m.at<double>(0, 1), m.at<double>(0, 2),
                                   m.at<double>(1, 0), m.at<double>(1, 1), m.at<double>(1, 2), 0, 0,
                                   1);
        s.to_source = s.to_source * rotation.inv();
        // The colour page stays as it was: steps that read it must come before this one.
        s.color.release();
        s.note("measured", fmt::format("skew {:.2f} degrees, corrected", skew.degrees));
        s.show("deskewed", s.gray);
    };
}

PreprocessStepFn binarize_step(const Profile& profile) {
    const auto p = read_params<BinarizeParams>(profile, "preprocess.binarize");
    return [p](PreprocessState& s) {
        const int ch = s.character_height;
        s.note("measured", fmt::format("character height {} px, window {} px", ch,
                                       p.method == "otsu" ? 0 : binarize_window(p, ch)));
        s.binary = binarize(s.gray, p, ch);
        s.show("binary", s.binary);
    };
}

}  // namespace

std::vector<PreprocessStepInfo> type_steps() {
    return {
        {"type_size",
         "character height measured (and the resolution, when far off)",
         {},
         {"type"},
         {},
         type_size_step,
         step_params<ResolutionParams>("preprocess.resolution")},
        {"deskew",
         "skew of the typed lines measured and corrected",
         {"type"},
         {},
         {"color"},
         deskew_step,
         step_params<DeskewParams>("preprocess.deskew")},
        {"binarize",
         "the grey page thresholded (Sauvola, Wolf or Otsu)",
         {"type"},
         {"binary"},
         {},
         binarize_step,
         step_params<BinarizeParams>("preprocess.binarize")},
    };
}

}  // namespace scanfix
