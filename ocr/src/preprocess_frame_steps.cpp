// Preprocessing steps on the page as a whole, before any threshold: the sheet of a photo, dark
// scanner borders, punch holes, uneven light, and coloured ink (stamps, coloured pencil).
#include <fmt/core.h>

#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/border.hpp"
#include "scanfix/ocr/color_separation.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "scanfix/ocr/perspective.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"
#include "scanfix/ocr/punch_holes.hpp"

namespace scanfix {
namespace {

double paper_of(PreprocessState& s) {
    if (s.paper <= 0) s.paper = paper_brightness(s.gray);
    return s.paper;
}

PreprocessStepFn perspective_step(const Profile& profile) {
    const auto p = read_params<PerspectiveParams>(profile, "preprocess.perspective");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        SheetQuad sheet = find_sheet(s.color, p);
        if (!sheet.found) return;
        cv::Size size;
        const cv::Matx33d to_sheet(sheet_transform(sheet, &size));
        s.color = warp_sheet(s.color, sheet);
        s.gray = to_gray(s.color);
        s.paper = 0;
        s.to_source = s.to_source * to_sheet.inv();
        s.note("measured", fmt::format("sheet found in the photo and straightened to {}x{} px",
                                       s.color.cols, s.color.rows));
        s.show("sheet", s.color);
    };
}

PreprocessStepFn border_step(const Profile& profile) {
    const auto p = read_params<BorderParams>(profile, "preprocess.border");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        // Borders and holes are dark areas that are not ink: they are painted with paper
        // before the illumination step, which would otherwise turn them into grey noise.
        const double paper = paper_of(s);
        cv::Mat border = find_dark_border(s.gray, s.dpi, paper, p);
        for (const auto& box : border_boxes(border))
            s.add_region(RegionKind::Border, box, "dark scanner border");
        s.gray.setTo(paper, border);
        s.show("border", border);
        s.show("page-frame", s.gray);
    };
}

PreprocessStepFn punch_holes_step(const Profile& profile) {
    const auto p = read_params<PunchHoleParams>(profile, "preprocess.punch_holes");
    const auto border = read_params<BorderParams>(profile, "preprocess.border");
    if (!p.enabled) return {};
    return [p, border](PreprocessState& s) {
        const double paper = paper_of(s);
        cv::Mat dark = s.gray < border.darkness * paper;
        auto holes = find_punch_holes(dark, s.dpi, p);
        fill_punch_holes(s.gray, holes, s.dpi, paper);
        for (const auto& h : holes) s.add_region(RegionKind::PunchHole, h.box(), "punch hole");
        if (!holes.empty()) s.show("page-frame", s.gray);
    };
}

PreprocessStepFn illumination_step(const Profile& profile) {
    const auto p = read_params<IlluminationParams>(profile, "preprocess.illumination");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        cv::Mat background = estimate_paper_background(s.gray, s.dpi, p);
        double lo = 0, hi = 0;
        cv::minMaxLoc(background, &lo, &hi);
        s.note("measured", fmt::format("paper brightness {:.0f}..{:.0f} divided out", lo, hi));
        s.show("background", background);
        s.gray = divide_background(s.gray, background);
        s.show("flattened", s.gray);
    };
}

PreprocessStepFn color_separation_step(const Profile& profile) {
    const auto p = read_params<ColorSeparationParams>(profile, "preprocess.color_separation");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        if (s.color.channels() != 3) return;
        ColoredInk ink = find_colored_ink(s.color, s.dpi, p);
        if (ink.typing_is_colored)
            s.note("kept", fmt::format("{:.0f}% of the typed lines' ink is coloured: the typing "
                                       "itself, its colour is kept",
                                       100 * std::max(ink.share_of_typing, ink.share_of_ink)));
        if (ink.mask.empty() || cv::countNonZero(ink.mask) == 0) return;
        fade_colored_ink(s.gray, ink);
        s.note("removed", fmt::format("coloured ink faded ({:.1f}% of the ink)",
                                      100.0 * cv::countNonZero(ink.mask) /
                                          std::max(1, s.gray.rows * s.gray.cols)));
        for (const auto& box : ink.stamps)
            s.add_region(RegionKind::Stamp, box, "coloured stamp or writing");
        s.show("colored-ink", ink.mask);
        s.show("color-faded", s.gray);
    };
}

}  // namespace

std::vector<PreprocessStepInfo> page_frame_steps() {
    return {
        {"perspective",
         "a photographed sheet cut out and straightened",
         {"color"},
         {},
         {},
         perspective_step,
         step_params<PerspectiveParams>("preprocess.perspective")},
        {"border",
         "dark scanner borders painted with paper",
         {},
         {},
         {},
         border_step,
         step_params<BorderParams>("preprocess.border")},
        {"punch_holes",
         "dark punch holes filled with paper",
         {},
         {},
         {},
         punch_holes_step,
         step_params<PunchHoleParams>("preprocess.punch_holes")},
        {"illumination",
         "uneven paper brightness divided out",
         {},
         {},
         {},
         illumination_step,
         step_params<IlluminationParams>("preprocess.illumination")},
        {"color_separation",
         "coloured stamps and writing faded from the grey page",
         {"color"},
         {},
         {},
         color_separation_step,
         step_params<ColorSeparationParams>("preprocess.color_separation")},
    };
}

}  // namespace scanfix
