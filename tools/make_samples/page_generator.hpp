// Synthetic archival pages for tests and benchmarks: a Russian text typed on A4 at 300 dpi with
// the noise of real archive scans (stamps, handwritten numbers, a margin column of letter pairs,
// punch holes, skew, specks), together with its clean references and a record of the noise.
// The make_samples program (main.cpp) is a thin command line over this; docs/samples.md.
#pragma once

#include <cstdint>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "noise_record.hpp"

namespace scanfix::samples {

enum class NoiseLevel { None, Light, Heavy };

// Which noise goes on the page and how much. Each kind can be switched off on its own.
struct NoiseSettings {
    bool speckle = true;
    int speckle_count = 250;
    int speckle_max_radius = 2;
    bool blur = true;
    double blur_sigma = 0.6;
    bool skew = true;
    double skew_max_degrees = 0.8;  // the angle is drawn from [-max, max]
    bool uneven_paper = true;
    double paper_strength = 0.4;  // 0..1
    bool scanner_border = true;
    int border_edges = 1;  // 1 or 2 sides
    double border_mm = 4;
    bool punch_holes = true;
    bool stamp = true;
    double stamp_opacity = 0.55;
    // A dark "received" stamp struck sideways in the left margin, its lines running up or
    // down the page (off in every preset).
    bool turned_stamp = false;
    bool page_number = true;
    bool registration_number = true;
    bool margin_column = true;
    int margin_pairs_min = 15;
    int margin_pairs_max = 20;
    double ink_wear = 0.25;  // grain taken out of the typed strokes, 0..1
    int hairs = 0;           // dust fibres and fine scratches on the glass
    // A camera shot of a bound volume instead of a flatbed scan: the page in perspective, the
    // gutter's shadow along one side and the facing page's edge beyond it.
    bool photographed = false;

    // The settings behind --noise none|light|heavy.
    static NoiseSettings preset(NoiseLevel level);
    // Dust on the glass behind --dust none|light|medium|heavy: speckle count and size, fibres.
    void set_dust(const std::string& level);
};

// The typing ribbon (or carbon paper) of the body and the registration marks.
struct RibbonInk {
    std::string name;  // black, violet, blue, carbon
    cv::Scalar bgr;    // colour in 0..1
    double opacity;    // how much light the ink takes at full strength
    double blur_px;    // softness at 300 dpi (a carbon copy's strokes are blurred)
};
// The ink called `name`; throws ConfigError for an unknown name.
RibbonInk ribbon_ink(const std::string& name);

struct PageSettings {
    double dpi = 300;
    double width_mm = 210, height_mm = 297;  // A4
    double left_mm = 25, right_mm = 18, top_mm = 28, bottom_mm = 22;
    std::string font;  // typewriter font file; empty = first installed default
    double font_pt = 12;
    double line_spacing = 1.5;  // in typewriter lines of 1/6 inch
    int indent = 5;             // character cells before a paragraph's first line
    int paragraph_gap = 0;      // blank lines between paragraphs
    bool hyphenate = true;
    double jitter_px = 1.0;      // per-strike offset at 300 dpi (scaled with dpi)
    double ink_spread_px = 0.8;  // strokes grow by this much at 300 dpi (ribbon ink soaking in)
    int first_page_number = 1;
    // How the text is laid out: "prose" (paragraphs broken into lines), "lines" (every source
    // line typed as written: verse, dialogue, lists) or "table" (rows, cells split at '|').
    std::string layout = "prose";
    int text_columns = 1;       // prose in 1..3 columns, read column by column
    int column_gap = 4;         // character cells between two columns (and table columns)
    bool table_rules = false;   // a ruled form: printed lines between the table's rows and cells
    int short_page = 0;         // > 0: one page with only the first N lines at the top
    std::string ink = "black";  // ribbon: black, violet, blue, carbon (a faint carbon copy)
    std::uint64_t seed = 1;
    NoiseSettings noise = NoiseSettings::preset(NoiseLevel::Light);

    // Throws ConfigError for values that cannot make a page.
    void validate() const;
};

// One generated page with everything a test needs to judge a pipeline on it.
struct GeneratedPage {
    cv::Mat image;                     // 8-bit BGR
    int number = 1;                    // page number within the document (first_page_number based)
    std::string reading_text;          // <stem>.gt.txt
    std::string lines_text;            // <stem>.lines.gt.txt
    std::vector<NoiseItem> noise;      // <stem>.noise.json
    cv::Rect text_column;              // the typed body, in final image pixels
    std::vector<cv::Rect> line_boxes;  // one per typed line, in final image pixels
};

// Lays `paragraphs` out on as many pages as they need and renders each page (layout "prose").
std::vector<GeneratedPage> generate_document(const std::vector<std::string>& paragraphs,
                                             const PageSettings& settings);

// Lays a whole UTF-8 text out in settings.layout (paragraphs at blank lines for prose, the
// source lines for "lines" and "table") and renders each page.
std::vector<GeneratedPage> generate_text(const std::string& text, const PageSettings& settings);

// Reads a UTF-8 text file and splits it into paragraphs at blank lines.
std::vector<std::string> read_paragraphs(const std::string& path);
// Reads a UTF-8 text file as it is (for generate_text).
std::string read_source_text(const std::string& path);

struct OutputSettings {
    std::string format = "jpg";  // jpg or png
    int jpeg_quality = 85;
    bool page_suffix = false;  // name pages <stem>-pN even when only one is written
};

// Writes <dir>/<stem>.jpg|png, .gt.txt, .lines.gt.txt and .noise.json for every page; a document
// of several pages (or page_suffix) gets the stems <stem>-p1, <stem>-p2, ... Returns the image
// paths written.
std::vector<std::string> write_document(const std::vector<GeneratedPage>& pages,
                                        const std::string& dir, const std::string& stem,
                                        const OutputSettings& output);

}  // namespace scanfix::samples
