// Renders typed pages with archival noise and writes them with their references; see
// page_generator.hpp. The order of the steps follows the life of a sheet: paper, typing,
// later marks and stamps, filing holes, then the scanner (skew, border, dust, blur).
#include "page_generator.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ink.hpp"
#include "marginalia.hpp"
#include "paper.hpp"
#include "photograph.hpp"
#include "scan_defects.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"
#include "stamp.hpp"
#include "typed_lines.hpp"
#include "typewriter.hpp"

namespace scanfix::samples {
namespace {

const std::vector<RibbonInk> kRibbons = {{"black", {0.10, 0.10, 0.12}, 1.0, 0.0},
                                         {"violet", {0.62, 0.26, 0.46}, 0.95, 0.0},
                                         {"blue", {0.64, 0.34, 0.16}, 0.95, 0.0},
                                         {"carbon", {0.42, 0.30, 0.26}, 0.6, 1.3}};
const cv::Scalar kRuleInk(0.30, 0.30, 0.32);
struct NamedColour {
    const char* name;
    cv::Scalar bgr;
};
const std::vector<NamedColour> kStampInks = {
    {"violet", {0.62, 0.22, 0.42}}, {"blue", {0.72, 0.38, 0.12}}, {"red", {0.22, 0.20, 0.78}}};
const std::vector<NamedColour> kReceivedInks = {{"black", {0.20, 0.20, 0.22}},
                                                {"blue-black", {0.34, 0.24, 0.16}}};
const std::vector<NamedColour> kPenInks = {{"blue", {0.62, 0.30, 0.12}},
                                           {"grey", {0.42, 0.42, 0.44}}};

// Everything that stays the same for all pages of one document.
struct Desk {
    const PageSettings& s;
    double px_per_mm;
    cv::Size size;
    std::unique_ptr<Typeface> type_face;
    std::unique_ptr<Typeface> pen_face;
    std::string stamp_font;
    std::unique_ptr<Typewriter> typewriter;
    int left, top, pitch, columns, lines_per_page;
    int column_cells = 0;          // cells of one text column (= columns for one column)
    std::vector<int> table_cells;  // where each table column starts, in cells

    int mm(double v) const { return static_cast<int>(std::lround(v * px_per_mm)); }
    // Left edge of a typed line's first cell.
    int line_x(const TypedLine& l) const {
        return left + (l.column * (column_cells + s.column_gap) + l.indent) * typewriter->advance();
    }
    int baseline(int row) const { return top + type_face->cap_height() + row * pitch; }
};

void require(bool ok, const std::string& what) {
    if (!ok) throw ConfigError("", 0, "sample page: " + what);
}

cv::Rect unite(const cv::Rect& a, const cv::Rect& b) {
    if (a.area() <= 0) return b;
    if (b.area() <= 0) return a;
    return a | b;
}

// Where the registration block goes: one of the four corners, clear of the body and the number.
cv::Rect registration_area(const Desk& d, Rng& rng) {
    const int w = d.mm(70), h = d.mm(std::min(d.s.top_mm, d.s.bottom_mm) - 6);
    switch (rng.between(0, 3)) {
        case 0:
            return {d.left, d.mm(5), w, h};
        case 1:
            return {d.size.width - d.mm(d.s.right_mm) - w, d.mm(5), w, h};
        case 2:
            return {d.left, d.size.height - d.mm(d.s.bottom_mm) + d.mm(5), w, h};
        default:
            return {d.size.width - d.mm(d.s.right_mm) - w,
                    d.size.height - d.mm(d.s.bottom_mm) + d.mm(5), w, h};
    }
}

// A printed form's rules around the table's rows and between its columns, in grey print ink.
std::vector<NoiseItem> rule_table(const Desk& d, cv::Mat& paper,
                                  const std::vector<TypedLine>& rows) {
    const int adv = d.typewriter->advance(), cap = d.type_face->cap_height();
    const int thick = std::max(1, static_cast<int>(std::lround(1.5 * d.s.dpi / 300.0)));
    const int above = (d.pitch - cap) / 2 + cap;  // from a baseline up to the rule over its row
    int widest = 0;
    for (const TypedLine& l : rows)
        widest = std::max(widest, static_cast<int>(utf32_of(l.text).size()));
    const int x0 = d.left - adv, x1 = d.left + widest * adv + adv;
    std::vector<int> ys;
    for (const TypedLine& l : rows) ys.push_back(d.baseline(l.row) - above);
    ys.push_back(d.baseline(rows.back().row) + d.pitch - above);
    cv::Mat ink(d.size, CV_8U, cv::Scalar(0));
    std::vector<NoiseItem> items;
    auto rule = [&](cv::Point a, cv::Point b) {
        cv::line(ink, a, b, cv::Scalar(255), thick, cv::LINE_AA);
        NoiseItem item;
        item.kind = "rule";
        item.box =
            cv::Rect(std::min(a.x, b.x) - thick, std::min(a.y, b.y) - thick,
                     std::abs(b.x - a.x) + 2 * thick + 1, std::abs(b.y - a.y) + 2 * thick + 1) &
            cv::Rect(0, 0, d.size.width, d.size.height);
        items.push_back(item);
    };
    for (int y : ys) rule({x0, y}, {x1, y});
    std::vector<int> xs = {x0, x1};
    for (size_t k = 1; k < d.table_cells.size(); ++k)
        xs.push_back(d.left + d.table_cells[k] * adv - d.s.column_gap * adv / 2);
    for (int x : xs) rule({x, ys.front()}, {x, ys.back()});
    lay_ink(paper, ink, kRuleInk, 0.9);
    return items;
}

GeneratedPage render_page(Desk& d, const std::vector<TypedLine>& lines, int index) {
    const PageSettings& s = d.s;
    const NoiseSettings& n = s.noise;
    Rng page_rng(s.seed * 0x9E3779B97F4A7C15ULL + static_cast<std::uint64_t>(index) + 1);
    // One stream per concern, drawn in a fixed order, so switching one noise off leaves the rest.
    Rng r_paper = page_rng.fork(1), r_type = page_rng.fork(2), r_column = page_rng.fork(3),
        r_number = page_rng.fork(4), r_reg = page_rng.fork(5), r_stamp = page_rng.fork(6),
        r_holes = page_rng.fork(7), r_skew = page_rng.fork(8), r_border = page_rng.fork(9),
        r_speck = page_rng.fork(10), r_wear = page_rng.fork(11);

    GeneratedPage page;
    page.number = s.first_page_number + index;
    page.reading_text = reading_text(lines);
    page.lines_text = diplomatic_text(lines, s.paragraph_gap);

    cv::Mat paper = make_paper(d.size, n.uneven_paper ? n.paper_strength : 0.0, r_paper);
    if (n.uneven_paper)
        page.noise.push_back(
            {"uneven_paper", {0, 0, d.size.width, d.size.height}, "", "", n.paper_strength, {}});

    // The typed body. `baselines` holds each typed row once (the rows of all columns).
    cv::Mat type_ink(d.size, CV_8U, cv::Scalar(0));
    std::vector<int> baselines;
    for (const TypedLine& l : lines) {
        const int baseline = d.baseline(l.row);
        if (std::find(baselines.begin(), baselines.end(), baseline) == baselines.end())
            baselines.push_back(baseline);
        cv::Point at(d.line_x(l), baseline);
        page.line_boxes.push_back(d.typewriter->type(type_ink, l.text, at, r_type));
        page.text_column = unite(page.text_column, page.line_boxes.back());
    }
    std::sort(baselines.begin(), baselines.end());
    if (s.layout == "table" && s.table_rules && !lines.empty())
        for (NoiseItem& item : rule_table(d, paper, lines)) page.noise.push_back(item);

    if (n.margin_column && !baselines.empty()) {
        // Typed in a separate pass: its own line pitch and start, so the groups drift against
        // the body lines instead of sitting exactly on them.
        const int lines_here = static_cast<int>(baselines.size());
        const int wanted = r_column.between(n.margin_pairs_min, n.margin_pairs_max);
        const double pitch = d.pitch * r_column.uniform(0.92, 1.08);
        const int span = static_cast<int>(std::ceil((wanted - 1) * pitch / d.pitch + 0.3));
        const int first = r_column.between(0, std::max(0, lines_here - 1 - span));
        const double start =
            baselines[static_cast<size_t>(first)] + r_column.uniform(-0.3, 0.3) * d.pitch;
        std::vector<int> rows;
        for (int k = 0; k < wanted; ++k) {
            double y = start + k * pitch;
            if (y > baselines.back() + d.pitch * 0.5) break;
            rows.push_back(static_cast<int>(std::lround(y)));
        }
        const int adv = d.typewriter->advance();
        const int gap = static_cast<int>(adv * r_column.uniform(1.0, 1.6));
        int x = r_column.chance(0.6) ? d.left - gap - 2 * adv : d.left + d.columns * adv + gap;
        page.noise.push_back(margin_column(type_ink, *d.typewriter, rows, x, r_column));
    }

    cv::Mat pen_ink(d.size, CV_8U, cv::Scalar(0));
    const NamedColour& pen_colour = r_number.pick(kPenInks);
    if (n.page_number) {
        cv::Point centre(d.size.width / 2 + d.mm(r_number.uniform(-15, 15)),
                         d.mm(s.top_mm * r_number.uniform(0.35, 0.55)));
        NoiseItem item = page_number(pen_ink, *d.pen_face, page.number, centre, r_number);
        item.colour = pen_colour.name;
        page.noise.push_back(item);
    }
    if (n.registration_number)
        for (NoiseItem& item : registration_marks(type_ink, pen_ink, *d.typewriter, *d.pen_face,
                                                  registration_area(d, r_reg), r_reg))
            page.noise.push_back(item);

    const RibbonInk ribbon = ribbon_ink(s.ink);
    spread_ink(type_ink, s.ink_spread_px * s.dpi / 300.0);
    wear_ink(type_ink, n.ink_wear, r_wear);
    if (ribbon.blur_px > 0)
        cv::GaussianBlur(type_ink, type_ink, cv::Size(0, 0), ribbon.blur_px * s.dpi / 300.0);
    lay_ink(paper, type_ink, ribbon.bgr, ribbon.opacity);
    lay_ink(paper, pen_ink, pen_colour.bgr, 0.9);

    if (n.stamp && page.text_column.area() > 0) {
        StampDesign design = pick_stamp_design(r_stamp);
        const NamedColour& colour = r_stamp.pick(kStampInks);
        cv::Mat mark = draw_stamp(d.stamp_font, design, d.mm(design.round ? 38 : 48), r_stamp);
        const cv::Rect& col = page.text_column;
        cv::Point centre(col.x + static_cast<int>(col.width * r_stamp.uniform(0.45, 0.85)),
                         col.y + static_cast<int>(col.height * r_stamp.uniform(0.35, 0.95)));
        cv::Mat stamp_ink(d.size, CV_8U, cv::Scalar(0));
        cv::Rect placed =
            place_mask(stamp_ink, mark, centre - cv::Point(mark.cols / 2, mark.rows / 2));
        lay_ink(paper, stamp_ink, colour.bgr, n.stamp_opacity);
        if (placed.area() > 0)
            page.noise.push_back({"stamp", placed, design.text(), colour.name, 0, {}});
    }

    if (n.turned_stamp && page.text_column.area() > 0) {
        // Its own stream, drawn only when it is on: pages without it stay as they were.
        Rng r_turned = page_rng.fork(14);
        const StampDesign design = pick_received_design(r_turned);
        const NamedColour& colour = r_turned.pick(kReceivedInks);
        cv::Mat mark = draw_turned_stamp(d.stamp_font, design, d.mm(36), r_turned);
        const cv::Rect& col = page.text_column;
        cv::Point centre(col.x / 2,
                         col.y + static_cast<int>(col.height * r_turned.uniform(0.1, 0.5)));
        cv::Mat stamp_ink(d.size, CV_8U, cv::Scalar(0));
        cv::Rect placed =
            place_mask(stamp_ink, mark, centre - cv::Point(mark.cols / 2, mark.rows / 2));
        lay_ink(paper, stamp_ink, colour.bgr, 0.85);
        if (placed.area() > 0)
            page.noise.push_back({"turned_stamp", placed, design.text(), colour.name, 0, {}});
    }

    if (n.punch_holes)
        for (NoiseItem& item : punch_holes(paper, s.dpi, r_holes)) page.noise.push_back(item);

    if (n.skew && n.skew_max_degrees > 0) {
        double angle = r_skew.uniform(-n.skew_max_degrees, n.skew_max_degrees);
        cv::Matx23d moved;
        NoiseItem item = skew_page(paper, angle, moved);
        for (NoiseItem& placed : page.noise) {
            if (placed.box == cv::Rect(0, 0, d.size.width, d.size.height)) continue;
            placed.box = move_box(placed.box, moved, d.size);
            for (NoisePart& part : placed.parts) part.box = move_box(part.box, moved, d.size);
        }
        for (cv::Rect& box : page.line_boxes) box = move_box(box, moved, d.size);
        page.text_column = move_box(page.text_column, moved, d.size);
        page.noise.push_back(item);
    }

    if (n.photographed) {
        Rng r_photo = page_rng.fork(12);
        Photograph shot = photograph_in_volume(paper, *d.typewriter, d.pitch, s.dpi, r_photo);
        for (NoiseItem& placed : page.noise) {
            if (placed.box == cv::Rect(0, 0, d.size.width, d.size.height)) continue;
            placed.box = move_box(placed.box, shot.moved, d.size);
            for (NoisePart& part : placed.parts) part.box = move_box(part.box, shot.moved, d.size);
        }
        for (cv::Rect& box : page.line_boxes) box = move_box(box, shot.moved, d.size);
        page.text_column = move_box(page.text_column, shot.moved, d.size);
        for (NoiseItem& item : shot.items) page.noise.push_back(item);
    }

    if (n.scanner_border)
        for (NoiseItem& item : scanner_border(paper, n.border_edges, d.mm(n.border_mm), r_border))
            page.noise.push_back(item);
    if (n.speckle)
        for (NoiseItem& item : speckle(paper, n.speckle_count, n.speckle_max_radius, r_speck))
            page.noise.push_back(item);
    if (n.hairs > 0) {
        Rng r_hairs = page_rng.fork(13);
        for (NoiseItem& item : hairs(paper, n.hairs, s.dpi, r_hairs)) page.noise.push_back(item);
    }
    if (n.blur && n.blur_sigma > 0) page.noise.push_back(blur_page(paper, n.blur_sigma));

    paper.convertTo(page.image, CV_8UC3, 255.0);
    return page;
}

// The desk for a document: fonts, typewriter and the page geometry in pixels and cells.
Desk make_desk(const PageSettings& s) {
    s.validate();
    Desk d{s, s.dpi / 25.4, {}, nullptr, nullptr, {}, nullptr, 0, 0, 0, 0, 0, 0, {}};
    d.size = cv::Size(d.mm(s.width_mm), d.mm(s.height_mm));
    const int font_px = static_cast<int>(std::lround(s.font_pt / 72.0 * s.dpi));
    d.type_face = std::make_unique<Typeface>(
        find_font(typewriter_font_file(s.font), typewriter_font_files(), "typewriter"), font_px);
    d.pen_face =
        std::make_unique<Typeface>(find_font("", pen_font_files(), "pen"), font_px * 3 / 2);
    d.stamp_font = find_font("", stamp_font_files(), "stamp");
    Rng doc_rng(s.seed);
    StrikeStyle style;
    style.jitter_px = s.jitter_px * s.dpi / 300.0;
    style.key_offset_px = 1.2 * s.dpi / 300.0;
    d.typewriter = std::make_unique<Typewriter>(*d.type_face, style, doc_rng);

    d.left = d.mm(s.left_mm);
    d.top = d.mm(s.top_mm);
    d.pitch = static_cast<int>(std::lround(s.line_spacing * s.dpi / 6.0));
    d.columns = (d.size.width - d.left - d.mm(s.right_mm)) / d.type_face->advance();
    const int body = d.size.height - d.top - d.mm(s.bottom_mm) - d.type_face->cap_height();
    d.lines_per_page = std::max(1, body / d.pitch + 1);
    require(d.columns >= 20, "fewer than 20 characters fit on a line");
    d.column_cells = (d.columns - (s.text_columns - 1) * s.column_gap) / s.text_columns;
    require(d.column_cells >= 12, "fewer than 12 characters fit on a line of one text column");
    return d;
}

// Cuts the typed lines into pages (one only for a short page) and renders them.
std::vector<GeneratedPage> render_document(Desk& d, std::vector<TypedLine> lines) {
    const PageSettings& s = d.s;
    if (s.short_page > 0 && static_cast<int>(lines.size()) > s.short_page)
        lines.resize(static_cast<size_t>(s.short_page));
    auto laid_out = split_pages(lines, d.lines_per_page, s.paragraph_gap, s.text_columns);
    if (s.short_page > 0 && laid_out.size() > 1) laid_out.resize(1);
    std::vector<GeneratedPage> pages;
    for (size_t i = 0; i < laid_out.size(); ++i)
        pages.push_back(render_page(d, laid_out[i], static_cast<int>(i)));
    return pages;
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary);
    out << content;
    if (!out) throw InputError(path, "cannot write");
}

}  // namespace

NoiseSettings NoiseSettings::preset(NoiseLevel level) {
    NoiseSettings n;
    switch (level) {
        case NoiseLevel::None:
            n.speckle = n.blur = n.skew = n.uneven_paper = n.scanner_border = n.punch_holes = false;
            n.stamp = n.page_number = n.registration_number = n.margin_column = false;
            n.ink_wear = 0.1;
            break;
        case NoiseLevel::Light:
            break;  // the defaults
        case NoiseLevel::Heavy:
            n.speckle_count = 1000;
            n.speckle_max_radius = 3;
            n.blur_sigma = 1.0;
            n.skew_max_degrees = 2.5;
            n.paper_strength = 0.9;
            n.border_edges = 2;
            n.border_mm = 7;
            n.stamp_opacity = 0.65;
            n.ink_wear = 0.45;
            break;
    }
    return n;
}

void NoiseSettings::set_dust(const std::string& level) {
    struct Dust {
        const char* name;
        bool on;
        int count, radius, fibres;
    };
    static const Dust kLevels[] = {{"none", false, 0, 1, 0},
                                   {"light", true, 250, 2, 0},
                                   {"medium", true, 900, 3, 4},
                                   {"heavy", true, 2500, 4, 12}};
    for (const Dust& d : kLevels) {
        if (level != d.name) continue;
        speckle = d.on;
        speckle_count = d.count;
        speckle_max_radius = d.radius;
        hairs = d.fibres;
        return;
    }
    throw ConfigError("", 0,
                      "sample page: dust must be none, light, medium or heavy, not " + level);
}

RibbonInk ribbon_ink(const std::string& name) {
    for (const RibbonInk& r : kRibbons)
        if (r.name == name) return r;
    throw ConfigError("", 0, "sample page: ink must be black, violet, blue or carbon, not " + name);
}

void PageSettings::validate() const {
    require(dpi >= 50 && dpi <= 1200, "dpi must lie in 50..1200");
    require(width_mm >= 50 && height_mm >= 50, "the page must be at least 50 x 50 mm");
    require(left_mm >= 0 && right_mm >= 0 && top_mm >= 0 && bottom_mm >= 0,
            "margins must not be negative");
    require(left_mm + right_mm < width_mm * 0.8, "the margins leave no room for text");
    require(font_pt >= 4 && font_pt <= 40, "font size must lie in 4..40 pt");
    require(line_spacing >= 0.8 && line_spacing <= 4, "line spacing must lie in 0.8..4");
    require(indent >= 0 && paragraph_gap >= 0, "indent and paragraph gap must not be negative");
    require(jitter_px >= 0 && jitter_px <= 5, "jitter must lie in 0..5 px");
    require(ink_spread_px >= 0 && ink_spread_px <= 4, "ink spread must lie in 0..4 px");
    const NoiseSettings& n = noise;
    require(n.speckle_count >= 0 && n.speckle_max_radius >= 1, "speckle count/radius out of range");
    require(n.blur_sigma >= 0 && n.blur_sigma <= 5, "blur sigma must lie in 0..5");
    require(n.skew_max_degrees >= 0 && n.skew_max_degrees <= 10, "skew must lie in 0..10 degrees");
    require(n.paper_strength >= 0 && n.paper_strength <= 1, "paper strength must lie in 0..1");
    require(n.border_edges >= 0 && n.border_edges <= 4 && n.border_mm >= 0, "border out of range");
    require(n.stamp_opacity >= 0 && n.stamp_opacity <= 1, "stamp opacity must lie in 0..1");
    require(n.margin_pairs_min >= 1 && n.margin_pairs_min <= n.margin_pairs_max,
            "margin pairs: need 1 <= min <= max");
    require(n.ink_wear >= 0 && n.ink_wear <= 1, "ink wear must lie in 0..1");
    require(n.hairs >= 0 && n.hairs <= 200, "hairs must lie in 0..200");
    require(layout == "prose" || layout == "lines" || layout == "table",
            "layout must be prose, lines or table, not " + layout);
    require(text_columns >= 1 && text_columns <= 3, "text columns must lie in 1..3");
    require(text_columns == 1 || layout == "prose", "only prose is set in several columns");
    require(column_gap >= 1 && column_gap <= 20, "column gap must lie in 1..20 cells");
    require(short_page >= 0, "a short page needs a positive number of lines");
    ribbon_ink(ink);
}

std::vector<GeneratedPage> generate_document(const std::vector<std::string>& paragraphs,
                                             const PageSettings& s) {
    require(s.layout == "prose", "a list of paragraphs can only be laid out as prose");
    Desk d = make_desk(s);
    LineSettings ls;
    ls.columns = d.column_cells;
    ls.indent = s.indent;
    ls.hyphenate = s.hyphenate;
    return render_document(d, set_lines(paragraphs, ls));
}

std::vector<GeneratedPage> generate_text(const std::string& text, const PageSettings& s) {
    if (s.layout == "prose") return generate_document(split_paragraphs(text), s);
    Desk d = make_desk(s);
    if (s.layout == "lines") return render_document(d, set_written_lines(text, d.columns));
    return render_document(d, set_table_rows(text, d.columns, s.column_gap, d.table_cells));
}

std::vector<std::string> read_paragraphs(const std::string& path) {
    return split_paragraphs(read_text_file(path));
}

std::string read_source_text(const std::string& path) {
    return read_text_file(path);
}

std::vector<std::string> write_document(const std::vector<GeneratedPage>& pages,
                                        const std::string& dir, const std::string& stem,
                                        const OutputSettings& output) {
    if (output.format != "jpg" && output.format != "png")
        throw ConfigError("", 0, "image format must be jpg or png, not " + output.format);
    std::filesystem::create_directories(dir);
    std::vector<std::string> written;
    for (size_t i = 0; i < pages.size(); ++i) {
        std::string name =
            pages.size() == 1 && !output.page_suffix ? stem : stem + "-p" + std::to_string(i + 1);
        std::string base = (std::filesystem::path(dir) / name).string();
        std::string image = base + "." + output.format;
        std::vector<int> params;
        if (output.format == "jpg") params = {cv::IMWRITE_JPEG_QUALITY, output.jpeg_quality};
        if (!cv::imwrite(image, pages[i].image, params))
            throw InputError(image, "cannot write image");
        write_file(base + ".gt.txt", pages[i].reading_text);
        write_file(base + ".lines.gt.txt", pages[i].lines_text);
        write_file(base + ".noise.json", noise_json_text(pages[i].noise));
        written.push_back(image);
    }
    return written;
}

}  // namespace scanfix::samples
