// The preprocessing stage: runs the steps in order (sheet perspective; grey; borders and punch
// holes; illumination; colour-ink separation; binarisation; deskew; edge strokes and ring-shaped
// holes; despeckle; text column) with parameters from the profile, and logs what each found.
#include "scanfix/ocr/preprocess.hpp"

#include <cstdio>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/border.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/color_separation.hpp"
#include "scanfix/ocr/debug_images.hpp"
#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/despeckle.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "scanfix/ocr/perspective.hpp"
#include "scanfix/ocr/punch_holes.hpp"
#include "scanfix/ocr/text_column.hpp"

namespace scanfix {

namespace {

std::string fmt(const char* pattern, double a, double b = 0) {
    char buf[160];
    std::snprintf(buf, sizeof buf, pattern, a, b);
    return buf;
}

void note(Page& page, const char* stage, const char* action, std::string reason,
          cv::Rect box = {}) {
    LogEntry e;
    e.stage = stage;
    e.action = action;
    e.reason = std::move(reason);
    e.box = box;
    page.note(std::move(e));
}

void add_holes(Page& page, const std::vector<PunchHole>& holes) {
    for (const auto& h : holes) {
        page.regions.push_back({RegionKind::PunchHole, h.box(), "punch hole"});
        note(page, "punch_holes", "removed", "punch hole", h.box());
    }
}

// All step parameters of one page run, read once from the profile.
struct PreprocessParams {
    PerspectiveParams perspective;
    BorderParams border;
    PunchHoleParams punch_holes;
    ColorSeparationParams color;
    IlluminationParams illumination;
    BinarizeParams binarize;
    DeskewParams deskew;
    DespeckleParams despeckle;
    TextColumnParams text_column;

    explicit PreprocessParams(const Profile& profile)
        : perspective(read_params<PerspectiveParams>(profile, "preprocess.perspective")),
          border(read_params<BorderParams>(profile, "preprocess.border")),
          punch_holes(read_params<PunchHoleParams>(profile, "preprocess.punch_holes")),
          color(read_params<ColorSeparationParams>(profile, "preprocess.color_separation")),
          illumination(read_params<IlluminationParams>(profile, "preprocess.illumination")),
          binarize(read_params<BinarizeParams>(profile, "preprocess.binarize")),
          deskew(read_params<DeskewParams>(profile, "preprocess.deskew")),
          despeckle(read_params<DespeckleParams>(profile, "preprocess.despeckle")),
          text_column(read_params<TextColumnParams>(profile, "preprocess.text_column")) {}
};

// The first character height comes from a global threshold of the flattened page; it only
// has to be good enough to size the local window.
int measure_character_height(const cv::Mat& gray, int dpi) {
    cv::Mat rough;
    cv::threshold(gray, rough, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    return estimate_character_height(rough, dpi);
}

}  // namespace

void preprocess_page(Page& page, const Context& ctx) {
    static const Profile kNoProfile;
    const PreprocessParams p(ctx.profile ? *ctx.profile : kNoProfile);
    const int dpi = page.dpi > 0 ? page.dpi : 300;
    DebugImages debug(ctx.debug_dir, page);
    page.regions.clear();
    page.skew_degrees = 0;

    // The colour image the later steps see: the sheet alone when a photo shows its edges.
    cv::Mat image = page.image;
    if (p.perspective.enabled) {
        SheetQuad sheet = find_sheet(image, p.perspective);
        if (sheet.found) {
            image = warp_sheet(image, sheet);
            note(page, "perspective", "measured",
                 fmt("sheet found in the photo and straightened to %.0fx%.0f px", image.cols,
                     image.rows));
            debug.save("sheet", image);
        }
    }

    cv::Mat gray = to_gray(image);
    debug.save("gray", gray);

    // Borders and holes are dark areas that are not ink: paint them with paper before the
    // illumination step, which would otherwise turn them into grey noise.
    const double paper = paper_brightness(gray);
    if (p.border.enabled) {
        cv::Mat border = find_dark_border(gray, dpi, paper, p.border);
        for (const auto& box : border_boxes(border)) {
            page.regions.push_back({RegionKind::Border, box, "dark scanner border"});
            note(page, "border", "removed", "dark scanner border", box);
        }
        gray.setTo(paper, border);
        debug.save("border", border);
    }
    if (p.punch_holes.enabled) {
        cv::Mat dark = gray < p.border.darkness * paper;
        auto holes = find_punch_holes(dark, dpi, p.punch_holes);
        fill_punch_holes(gray, holes, dpi, paper);
        add_holes(page, holes);
    }
    if (p.border.enabled || p.punch_holes.enabled) debug.save("page-frame", gray);

    if (p.illumination.enabled) {
        cv::Mat background = estimate_paper_background(gray, dpi, p.illumination);
        double lo = 0, hi = 0;
        cv::minMaxLoc(background, &lo, &hi);
        note(page, "illumination", "measured",
             fmt("paper brightness %.0f..%.0f divided out", lo, hi));
        debug.save("background", background);
        gray = divide_background(gray, background);
        debug.save("flattened", gray);
    }

    if (p.color.enabled && image.channels() == 3) {
        ColoredInk ink = find_colored_ink(image, dpi, p.color);
        if (ink.typing_is_colored) {
            note(page, "color_separation", "kept",
                 fmt("%.0f%% of the ink is coloured: the typing itself, nothing faded",
                     100 * ink.share_of_ink));
        } else if (!ink.mask.empty()) {
            fade_colored_ink(gray, ink);
            note(page, "color_separation", "removed",
                 fmt("coloured ink faded (%.1f%% of the ink)", 100 * ink.share_of_ink));
            for (const auto& box : ink.stamps) {
                page.regions.push_back({RegionKind::Stamp, box, "coloured ink"});
                note(page, "color_separation", "removed", "coloured stamp or writing", box);
            }
            debug.save("colored-ink", ink.mask);
            debug.save("color-faded", gray);
        }
    }

    int ch = measure_character_height(gray, dpi);
    note(page, "binarize", "measured",
         fmt("character height %.0f px, window %.0f px", ch,
             p.binarize.method == "otsu" ? 0 : binarize_window(p.binarize, ch)));
    cv::Mat binary = binarize(gray, p.binarize, ch);
    debug.save("binary", binary);

    if (p.deskew.enabled) {
        SkewEstimate skew = estimate_skew(binary, ch, p.deskew);
        page.skew_degrees = skew.degrees;
        if (skew.points == 0) {
            note(page, "deskew", "kept", "too little text to measure the skew");
        } else if (std::abs(skew.degrees) < p.deskew.min_degrees) {
            note(page, "deskew", "measured", fmt("skew %.2f degrees, not corrected", skew.degrees));
        } else {
            // Rotating the grey page and thresholding again gives cleaner strokes than
            // rotating the binary image.
            cv::Mat transform = deskew_transform(gray.size(), skew.degrees, nullptr);
            gray = rotate_page(gray, skew.degrees, 255, cv::INTER_CUBIC);
            for (auto& region : page.regions) region.box = rotate_box(region.box, transform);
            binary = binarize(gray, p.binarize, ch);
            note(page, "deskew", "measured", fmt("skew %.2f degrees, corrected", skew.degrees));
            debug.save("deskewed", binary);
        }
    }

    const cv::Mat before_cleanup = binary.clone();
    if (p.border.enabled) {
        for (const auto& box : remove_edge_strokes(binary, dpi, ch, p.border)) {
            page.regions.push_back({RegionKind::Border, box, "black page edge"});
            note(page, "border", "removed", "black page edge", box);
        }
    }
    if (p.punch_holes.enabled) {
        // Holes over a white scanner lid leave only a ring, which shows on the binary page.
        auto holes = find_punch_holes(binary == 0, dpi, p.punch_holes);
        fill_punch_holes(binary, holes, dpi, 255);
        fill_punch_holes(gray, holes, dpi, 255);
        add_holes(page, holes);
    }

    std::vector<cv::Rect> removed;
    if (p.despeckle.enabled) {
        removed = despeckle(binary, ch, p.despeckle);
        note(page, "despeckle", "removed", fmt("%.0f specks", double(removed.size())));
        debug.save("despeckled", binary);
    }

    // What the clean-up took from the binary page goes from the grey page too, with its
    // anti-aliased rim, so either image can be given to the recognizer.
    cv::Mat taken = (before_cleanup == 0) & (binary == 255);
    cv::dilate(taken, taken, cv::Mat());
    gray.setTo(255, taken);

    if (p.text_column.enabled) {
        TextLayout layout = find_text_column(binary, ch, p.text_column);
        if (layout.column.empty()) {
            note(page, "text_column", "measured", "no text column found");
        } else {
            page.regions.push_back({RegionKind::TextColumn, layout.column, "main text"});
            note(page, "text_column", "measured", "main text column", layout.column);
            for (const auto& m : layout.margins)
                page.regions.push_back({RegionKind::Margin, m, "around the text column"});
        }
    }

    page.gray = gray;
    page.binary = binary;
    debug.save_overlay(gray, page, removed);
}

std::vector<ParamSpec> preprocess_param_specs() {
    std::vector<ParamSpec> all;
    auto add = [&all](std::vector<ParamSpec> specs) {
        all.insert(all.end(), specs.begin(), specs.end());
    };
    add(describe_params<PerspectiveParams>("preprocess.perspective"));
    add(describe_params<BorderParams>("preprocess.border"));
    add(describe_params<PunchHoleParams>("preprocess.punch_holes"));
    add(describe_params<ColorSeparationParams>("preprocess.color_separation"));
    add(describe_params<IlluminationParams>("preprocess.illumination"));
    add(describe_params<BinarizeParams>("preprocess.binarize"));
    add(describe_params<DeskewParams>("preprocess.deskew"));
    add(describe_params<DespeckleParams>("preprocess.despeckle"));
    add(describe_params<TextColumnParams>("preprocess.text_column"));
    return all;
}

}  // namespace scanfix
