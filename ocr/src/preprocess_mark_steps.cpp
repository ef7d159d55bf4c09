// Preprocessing steps that judge single marks on the binary page: rings of punch holes, rules,
// black page edges, specks, pale marks and dust. Each marks ink components on the shared
// labelling; the runner takes the marked ones off both pages after the last step.
#include <fmt/core.h>

#include "scanfix/ocr/border.hpp"
#include "scanfix/ocr/despeckle.hpp"
#include "scanfix/ocr/dust.hpp"
#include "scanfix/ocr/faint_specks.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"
#include "scanfix/ocr/punch_holes.hpp"
#include "scanfix/ocr/underlines.hpp"

namespace scanfix {
namespace {

// Holes over a white scanner lid leave only a ring, which shows on the binary page.
PreprocessStepFn punch_hole_rings_step(const Profile& profile) {
    const auto p = read_params<PunchHoleParams>(profile, "preprocess.punch_holes");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        s.binary_changing();
        cv::Mat ink;
        cv::bitwise_not(s.binary, ink);
        auto holes = find_punch_holes(ink, s.dpi, p);
        fill_punch_holes(s.binary, holes, s.dpi, 255);
        fill_punch_holes(s.gray, holes, s.dpi, 255);
        for (const auto& h : holes) s.add_region(RegionKind::PunchHole, h.box(), "punch hole");
    };
}

// Rules go before the marks are judged: an underline joins the letters it touches into one
// shape.
PreprocessStepFn underlines_step(const Profile& profile) {
    const auto p = read_params<UnderlineParams>(profile, "preprocess.underlines");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        s.binary_changing();
        for (const auto& r : remove_underlines(s.binary, s.gray, s.character_height, p)) {
            s.note("removed", "underline or rule", r);
            s.removed.push_back(r);
        }
    };
}

PreprocessStepFn edge_strokes_step(const Profile& profile) {
    const auto p = read_params<BorderParams>(profile, "preprocess.border");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        const InkComponents& ink = s.ink();
        for (const auto& box :
             find_edge_strokes(ink, s.binary.size(), s.dpi, s.character_height, p, s.edge))
            s.add_region(RegionKind::Border, box, "black page edge");
        for (int i = 1; i < ink.count; ++i) s.drop[i] = s.drop[i] || s.edge[i];
    };
}

PreprocessStepFn despeckle_step(const Profile& profile) {
    const auto p = read_params<DespeckleParams>(profile, "preprocess.despeckle");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        auto specks = find_specks(s.ink(), s.character_height, p, s.drop);
        s.note("removed", fmt::format("{} specks", specks.size()));
        s.removed.insert(s.removed.end(), specks.begin(), specks.end());
    };
}

// Marks much paler than the type on clean paper (dust, show-through) go from the grey page as
// well, even those the size test kept beside letters.
PreprocessStepFn faint_specks_step(const Profile& profile) {
    const auto p = read_params<FaintSpeckParams>(profile, "preprocess.faint_specks");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        const InkComponents& ink = s.ink();
        std::vector<uint8_t> faint = s.edge;  // page edges are not judged
        auto pale = find_faint_specks(ink, s.gray, s.character_height, p, faint);
        s.note("removed", fmt::format("{} marks much paler than the type", pale.size()));
        s.take(faint, true);
    };
}

// Dark dots where no punctuation or accent can be, judged within the text column only (the
// whole page when no column search ran): outside it, handwriting (a signature's full stops)
// has no typed lines to be measured by.
PreprocessStepFn dust_step(const Profile& profile) {
    const auto p = read_params<DustParams>(profile, "preprocess.dust");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        if (s.column_searched && s.column.empty()) return;
        const cv::Rect within = s.column.empty() ? cv::Rect({}, s.binary.size()) : s.column;
        std::vector<uint8_t> dark;
        auto dots = find_dust(s.ink(), s.character_height, p, s.edge, within, dark);
        s.note("removed",
               fmt::format("{} dots where no punctuation or accent can be", dots.size()));
        s.take(dark, true);
    };
}

}  // namespace

std::vector<PreprocessStepInfo> mark_steps() {
    const std::vector<std::string> on_binary = {"type", "binary"};
    return {
        {"punch_hole_rings",
         "rings of punch holes over a white lid filled",
         on_binary,
         {},
         {},
         punch_hole_rings_step,
         step_params<PunchHoleParams>("preprocess.punch_holes")},
        {"underlines",
         "underlines and rules removed where no letter crosses them",
         on_binary,
         {},
         {},
         underlines_step,
         step_params<UnderlineParams>("preprocess.underlines")},
        {"edge_strokes",
         "black page edges along the image edge removed",
         on_binary,
         {},
         {},
         edge_strokes_step,
         step_params<BorderParams>("preprocess.border")},
        {"despeckle",
         "specks too small or too far from letters to be text removed",
         on_binary,
         {},
         {},
         despeckle_step,
         step_params<DespeckleParams>("preprocess.despeckle")},
        {"faint_specks",
         "marks much paler than the type removed from both pages",
         on_binary,
         {},
         {},
         faint_specks_step,
         step_params<FaintSpeckParams>("preprocess.faint_specks")},
        {"dust",
         "dots where no punctuation or accent can be removed from both pages",
         on_binary,
         {},
         {},
         dust_step,
         step_params<DustParams>("preprocess.dust")},
    };
}

}  // namespace scanfix
