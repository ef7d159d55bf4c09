// The preprocessing stage: runs the steps in order (sheet perspective; grey; borders and punch
// holes; illumination; colour-ink separation; resolution, character height and skew; deskew;
// binarisation; ring-shaped holes; edge strokes and specks; grey clean-up; text column) with
// parameters from the profile, and logs what each found. docs/preprocessing.md explains them.
#include "scanfix/ocr/preprocess.hpp"

#include <cmath>
#include <cstdio>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/border.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/color_separation.hpp"
#include "scanfix/ocr/components.hpp"
#include "scanfix/ocr/debug_images.hpp"
#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/despeckle.hpp"
#include "scanfix/ocr/dust.hpp"
#include "scanfix/ocr/faint_specks.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "scanfix/ocr/perspective.hpp"
#include "scanfix/ocr/punch_holes.hpp"
#include "scanfix/ocr/text_column.hpp"
#include "scanfix/ocr/underlines.hpp"
#include "shrink.hpp"

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
    ResolutionParams resolution;
    BorderParams border;
    PunchHoleParams punch_holes;
    ColorSeparationParams color;
    IlluminationParams illumination;
    BinarizeParams binarize;
    DeskewParams deskew;
    DespeckleParams despeckle;
    FaintSpeckParams faint_specks;
    DustParams dust;
    UnderlineParams underlines;
    TextColumnParams text_column;

    explicit PreprocessParams(const Profile& profile)
        : perspective(read_params<PerspectiveParams>(profile, "preprocess.perspective")),
          resolution(read_params<ResolutionParams>(profile, "preprocess.resolution")),
          border(read_params<BorderParams>(profile, "preprocess.border")),
          punch_holes(read_params<PunchHoleParams>(profile, "preprocess.punch_holes")),
          color(read_params<ColorSeparationParams>(profile, "preprocess.color_separation")),
          illumination(read_params<IlluminationParams>(profile, "preprocess.illumination")),
          binarize(read_params<BinarizeParams>(profile, "preprocess.binarize")),
          deskew(read_params<DeskewParams>(profile, "preprocess.deskew")),
          despeckle(read_params<DespeckleParams>(profile, "preprocess.despeckle")),
          faint_specks(read_params<FaintSpeckParams>(profile, "preprocess.faint_specks")),
          dust(read_params<DustParams>(profile, "preprocess.dust")),
          underlines(read_params<UnderlineParams>(profile, "preprocess.underlines")),
          text_column(read_params<TextColumnParams>(profile, "preprocess.text_column")) {}
};

// A global threshold of the flattened page, shrunk while characters stay ten pixels tall: good
// enough to measure the character height (which sizes the Sauvola window, the speck limits and
// the text-column smearing) and the skew.
struct RoughInk {
    cv::Mat binary;  // text 0 on 255, 1/factor of the page's size
    int factor = 1;
    int character_height = 0;  // in full-resolution pixels
};

// `dpi` may be replaced by the resolution the type size implies (see ResolutionParams).
RoughInk rough_ink(const cv::Mat& gray, int& dpi, const ResolutionParams& res, Page& page) {
    RoughInk r;
    for (int f : {2, 1}) {
        cv::Mat small;
        if (f > 1)
            cv::resize(gray, small, divided(gray.size(), f), 0, 0, cv::INTER_AREA);
        else
            small = gray;
        cv::threshold(small, r.binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        const std::vector<int> heights = character_heights(r.binary);
        if (res.enabled) {
            const int measured = resolution_from_type(heights, res.type_mm) * f;
            if (measured > 0 &&
                (measured * res.tolerance < dpi || measured > dpi * res.tolerance)) {
                note(page, "resolution", "measured",
                     fmt("type size gives %.0f dpi instead of %.0f: using it", measured, dpi));
                dpi = measured;
                page.dpi = measured;
            }
        }
        r.factor = f;
        r.character_height = character_height_at(heights, std::max(1, dpi / f)) * f;
        if (r.character_height / f >= 10) break;
    }
    return r;
}

}  // namespace

void preprocess_page(Page& page, const Context& ctx) {
    static const Profile kNoProfile;
    const PreprocessParams p(ctx.profile ? *ctx.profile : kNoProfile);
    int dpi = page.dpi > 0 ? page.dpi : 300;
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
    // Character height and skew come from a rough global threshold at reduced resolution;
    // Sauvola runs once, on the straightened page.
    RoughInk rough = rough_ink(gray, dpi, p.resolution, page);
    const int ch = rough.character_height;
    if (p.deskew.enabled) {
        SkewEstimate skew = estimate_skew(rough.binary, ch / rough.factor, p.deskew);
        page.skew_degrees = skew.degrees;
        if (skew.points == 0) {
            note(page, "deskew", "kept", "too little text to measure the skew");
        } else if (std::abs(skew.degrees) < p.deskew.min_degrees) {
            note(page, "deskew", "measured", fmt("skew %.2f degrees, not corrected", skew.degrees));
        } else if (!turned_page_fits(gray.size(), skew.degrees)) {
            note(page, "deskew", "kept",
                 fmt("skew %.2f degrees, not corrected: the turned page would be too large",
                     skew.degrees));
        } else {
            cv::Mat transform = deskew_transform(gray.size(), skew.degrees, nullptr);
            gray = rotate_page(gray, skew.degrees, 255, cv::INTER_LINEAR);
            for (auto& region : page.regions) region.box = rotate_box(region.box, transform);
            note(page, "deskew", "measured", fmt("skew %.2f degrees, corrected", skew.degrees));
            debug.save("deskewed", gray);
        }
    }
    note(page, "binarize", "measured",
         fmt("character height %.0f px, window %.0f px", ch,
             p.binarize.method == "otsu" ? 0 : binarize_window(p.binarize, ch)));
    cv::Mat binary = binarize(gray, p.binarize, ch);
    debug.save("binary", binary);

    if (p.punch_holes.enabled) {
        // Holes over a white scanner lid leave only a ring, which shows on the binary page.
        cv::Mat ink;
        cv::bitwise_not(binary, ink);
        auto holes = find_punch_holes(ink, dpi, p.punch_holes);
        fill_punch_holes(binary, holes, dpi, 255);
        fill_punch_holes(gray, holes, dpi, 255);
        add_holes(page, holes);
    }

    // Rules go before the labelling: an underline joins the letters it touches into one shape.
    std::vector<cv::Rect> rules;
    if (p.underlines.enabled) {
        rules = remove_underlines(binary, gray, ch, p.underlines);
        for (const auto& r : rules) note(page, "underlines", "removed", "underline or rule", r);
    }

    // One labelling of the ink serves the edge strokes, the specks and the text column.
    const InkComponents ink = label_ink(binary);
    std::vector<uint8_t> edge(ink.count, 0);
    if (p.border.enabled) {
        for (const auto& box : find_edge_strokes(ink, binary.size(), dpi, ch, p.border, edge)) {
            page.regions.push_back({RegionKind::Border, box, "black page edge"});
            note(page, "border", "removed", "black page edge", box);
        }
    }
    std::vector<uint8_t> drop = edge;
    std::vector<cv::Rect> removed = rules;
    if (p.despeckle.enabled) {
        auto specks = find_specks(ink, ch, p.despeckle, drop);
        note(page, "despeckle", "removed", fmt("%.0f specks", double(specks.size())));
        removed.insert(removed.end(), specks.begin(), specks.end());
    }
    // Marks much paler than the type on clean paper (dust, show-through), and dark dots where
    // no punctuation or accent can be, go from the grey page as well, even those the size test
    // kept beside letters. Other specks stay on the grey page: pieces of faint type are as dark
    // as its letters or lie in the haze of its strokes.
    std::vector<uint8_t> from_gray(ink.count, 0);
    auto take = [&](const std::vector<uint8_t>& found) {
        for (int i = 1; i < ink.count; ++i)
            if (found[i] && !edge[i]) {
                if (!drop[i]) removed.push_back(ink.box(i));
                drop[i] = 1;
                from_gray[i] = 1;
            }
    };
    if (p.faint_specks.enabled) {
        std::vector<uint8_t> faint = edge;
        auto pale = find_faint_specks(ink, gray, ch, p.faint_specks, faint);
        note(page, "faint_specks", "removed",
             fmt("%.0f marks much paler than the type", double(pale.size())));
        take(faint);
    }
    cv::Rect column;
    if (p.text_column.enabled) {
        TextLayout layout = find_text_column(ink, binary.size(), ch, p.text_column, &drop);
        column = layout.column;
        if (column.empty()) {
            note(page, "text_column", "measured", "no text column found");
        } else {
            page.regions.push_back({RegionKind::TextColumn, column, "main text"});
            note(page, "text_column", "measured", "main text column", column);
            for (const auto& m : layout.margins)
                page.regions.push_back({RegionKind::Margin, m, "around the text column"});
        }
    }
    // Dark dust is judged within the text column only (the whole page when that step is off):
    // outside it, handwriting (a signature's full stops) has no typed lines to be measured by.
    if (p.dust.enabled && (!column.empty() || !p.text_column.enabled)) {
        const cv::Rect within = column.empty() ? cv::Rect({}, binary.size()) : column;
        std::vector<uint8_t> dark;
        auto dots = find_dust(ink, ch, p.dust, edge, within, dark);
        note(page, "dust", "removed",
             fmt("%.0f dots where no punctuation or accent can be", double(dots.size())));
        take(dark);
    }
    binary.setTo(255, component_mask(ink, drop));
    if (p.despeckle.enabled || p.faint_specks.enabled || p.dust.enabled)
        debug.save("despeckled", binary);
    erase_from_gray(gray, binary, ink, from_gray, std::max(1, ch / 8));

    // The grey page loses the page edges found on the binary page, with their anti-aliased rim.
    // Specks stay: on faint, broken type they are pieces of letters, which the recognizer reads
    // better whole. Outside the text column, paper away from the remaining ink becomes white:
    // the margins are read one by one, and Tesseract's own threshold of a blank margin would
    // turn paper grain into letters. Strokes keep their grey edges.
    cv::Mat edges = component_mask(ink, edge);
    cv::dilate(edges, edges, cv::Mat());
    gray.setTo(255, edges);
    if (p.binarize.clean_margins) {
        cv::Mat paper;
        cv::bitwise_not(binary, paper);
        const int r = std::max(1, ch / 8);
        cv::dilate(paper, paper,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * r + 1, 2 * r + 1}));
        cv::bitwise_not(paper, paper);
        if (!column.empty()) paper(column).setTo(0);
        gray.setTo(255, paper);
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
    add(describe_params<ResolutionParams>("preprocess.resolution"));
    add(describe_params<BorderParams>("preprocess.border"));
    add(describe_params<PunchHoleParams>("preprocess.punch_holes"));
    add(describe_params<ColorSeparationParams>("preprocess.color_separation"));
    add(describe_params<IlluminationParams>("preprocess.illumination"));
    add(describe_params<BinarizeParams>("preprocess.binarize"));
    add(describe_params<DeskewParams>("preprocess.deskew"));
    add(describe_params<DespeckleParams>("preprocess.despeckle"));
    add(describe_params<FaintSpeckParams>("preprocess.faint_specks"));
    add(describe_params<DustParams>("preprocess.dust"));
    add(describe_params<UnderlineParams>("preprocess.underlines"));
    add(describe_params<TextColumnParams>("preprocess.text_column"));
    return all;
}

}  // namespace scanfix
