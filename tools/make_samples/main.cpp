// make_samples: renders a Russian text as typed archival pages with noise (prose, lines as
// written, tables; one or more columns; several ribbon inks; flatbed or photographed), and writes
// each page with its references (<stem>.gt.txt, .lines.gt.txt) and noise record (.noise.json).
// See docs/samples.md; the work is done by page_generator.hpp.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "page_generator.hpp"
#include "scanfix/core/error.hpp"

using namespace scanfix::samples;

int main(int argc, char** argv) {
    CLI::App app{"Render typed Russian archival pages with noise, references and a noise record"};
    std::string input, out_dir = ".", stem, level = "light", dust;
    PageSettings s;
    OutputSettings out;
    int max_pages = 0, only_page = 0;
    NoiseSettings& n = s.noise;

    app.add_option("text", input, "UTF-8 text, paragraphs separated by blank lines")
        ->required()
        ->check(CLI::ExistingFile);
    app.add_option("-o,--out", out_dir, "output folder")->capture_default_str();
    app.add_option("--stem", stem, "output file stem (default: the text file's name)");
    app.add_option("--seed", s.seed, "random seed; the same seed gives the same pages")
        ->capture_default_str();
    app.add_option("--noise", level, "noise preset, applied before the options below")
        ->check(CLI::IsMember({"none", "light", "heavy"}))
        ->capture_default_str();
    app.add_option("--format", out.format, "image format")
        ->check(CLI::IsMember({"jpg", "png"}))
        ->capture_default_str();
    app.add_option("--jpeg-quality", out.jpeg_quality, "JPEG quality")
        ->check(CLI::Range(30, 100))
        ->capture_default_str();
    app.add_option("--max-pages", max_pages, "write only the first N pages (0 = all)")
        ->capture_default_str();
    app.add_option("--page", only_page,
                   "write only page N of the document, named <stem> without a page suffix")
        ->check(CLI::PositiveNumber);

    auto* page = app.add_option_group("Page");
    page->add_option("--dpi", s.dpi, "resolution")->capture_default_str();
    page->add_option("--font", s.font,
                     "typewriter face: nimbus-mono, freemono, dejavu-mono, liberation-mono, "
                     "cmu-typewriter or a font file (default: the first of the first three "
                     "installed)");
    page->add_option("--font-pt", s.font_pt, "type size in points")->capture_default_str();
    page->add_option("--line-spacing", s.line_spacing, "line pitch in typewriter lines of 1/6 inch")
        ->capture_default_str();
    page->add_option("--left-mm", s.left_mm, "left margin")->capture_default_str();
    page->add_option("--right-mm", s.right_mm, "right margin")->capture_default_str();
    page->add_option("--top-mm", s.top_mm, "top margin")->capture_default_str();
    page->add_option("--bottom-mm", s.bottom_mm, "bottom margin")->capture_default_str();
    page->add_option("--indent", s.indent, "paragraph indentation in character cells")
        ->capture_default_str();
    page->add_option("--paragraph-gap", s.paragraph_gap, "blank lines between paragraphs")
        ->capture_default_str();
    page->add_flag("--hyphenate,!--no-hyphenate", s.hyphenate,
                   "split long words at line ends (default on)");
    page->add_option("--jitter", s.jitter_px, "per-strike offset in pixels at 300 dpi")
        ->capture_default_str();
    page->add_option("--ink-spread", s.ink_spread_px, "stroke growth in pixels at 300 dpi")
        ->capture_default_str();
    page->add_option("--first-page", s.first_page_number, "number written on the first page")
        ->capture_default_str();
    page->add_option("--layout", s.layout,
                     "prose (paragraphs broken into lines), lines (each source line typed as "
                     "written: verse, dialogue, lists) or table (rows, cells split at '|')")
        ->check(CLI::IsMember({"prose", "lines", "table"}))
        ->capture_default_str();
    page->add_option("--columns", s.text_columns, "text columns of prose, read column by column")
        ->check(CLI::Range(1, 3))
        ->capture_default_str();
    page->add_option("--column-gap", s.column_gap, "character cells between columns")
        ->capture_default_str();
    page->add_flag("--rules", s.table_rules,
                   "a ruled form: printed lines around the table's rows and cells");
    page->add_option("--short-page", s.short_page,
                     "one page holding only the first N lines, at the top (a last page)")
        ->check(CLI::NonNegativeNumber);
    page->add_option("--ink", s.ink,
                     "typing ink: black, violet or blue ribbon, or carbon (a faint carbon copy)")
        ->check(CLI::IsMember({"black", "violet", "blue", "carbon"}))
        ->capture_default_str();

    // Noise switches: --speckle / --no-speckle etc. override the preset.
    struct Switch {
        const char* name;
        bool* flag;
    };
    std::vector<Switch> switches = {{"speckle", &n.speckle},
                                    {"blur", &n.blur},
                                    {"skew", &n.skew},
                                    {"uneven-paper", &n.uneven_paper},
                                    {"scanner-border", &n.scanner_border},
                                    {"punch-holes", &n.punch_holes},
                                    {"stamp", &n.stamp},
                                    {"turned-stamp", &n.turned_stamp},
                                    {"page-number", &n.page_number},
                                    {"registration-number", &n.registration_number},
                                    {"margin-column", &n.margin_column},
                                    {"photographed", &n.photographed}};
    std::vector<std::pair<bool*, std::optional<bool>>> chosen;
    chosen.reserve(switches.size());  // the flag callbacks keep pointers into it
    auto* noise = app.add_option_group("Noise");
    noise
        ->add_option("--dust", dust,
                     "dust on the glass, applied after the preset: none, light (250 specks), "
                     "medium (900 larger specks, 4 fibres), heavy (2500, 12 fibres)")
        ->check(CLI::IsMember({"none", "light", "medium", "heavy"}));
    for (const Switch& sw : switches) {
        chosen.emplace_back(sw.flag, std::nullopt);
        std::optional<bool>* slot = &chosen.back().second;
        noise->add_flag_function(
            fmt::format("--{},!--no-{}", sw.name, sw.name),
            [slot](std::int64_t v) { *slot = v > 0; },
            fmt::format("switch {} on or off (default: as the preset)", sw.name));
    }
    // Numeric noise parameters, applied after the preset when given.
    std::vector<std::function<void()>> numeric;
    auto number = [&](const char* flag, auto* target, const char* help) {
        using T = std::remove_pointer_t<decltype(target)>;
        auto value = std::make_shared<T>();
        auto* opt = noise->add_option(flag, *value, help);
        numeric.push_back([opt, value, target] {
            if (opt->count() > 0) *target = *value;
        });
    };
    number("--speckle-count", &n.speckle_count, "number of specks");
    number("--speckle-radius", &n.speckle_max_radius, "largest speck radius in pixels");
    number("--blur-sigma", &n.blur_sigma, "Gaussian blur sigma in pixels");
    number("--skew-max", &n.skew_max_degrees, "largest skew angle in degrees");
    number("--paper-strength", &n.paper_strength, "how aged the paper looks, 0..1");
    number("--border-edges", &n.border_edges, "sides with a scanner border, 1..2");
    number("--border-mm", &n.border_mm, "scanner border width");
    number("--stamp-opacity", &n.stamp_opacity, "stamp ink opacity, 0..1");
    number("--margin-pairs-min", &n.margin_pairs_min, "fewest letter pairs in the margin column");
    number("--margin-pairs-max", &n.margin_pairs_max, "most letter pairs in the margin column");
    number("--ink-wear", &n.ink_wear, "ribbon wear taken out of the typed strokes, 0..1");
    number("--hairs", &n.hairs, "dust fibres and fine scratches");

    CLI11_PARSE(app, argc, argv);

    n = NoiseSettings::preset(level == "none"    ? NoiseLevel::None
                              : level == "heavy" ? NoiseLevel::Heavy
                                                 : NoiseLevel::Light);
    if (!dust.empty()) n.set_dust(dust);
    for (auto& [flag, value] : chosen)
        if (value) *flag = *value;
    for (auto& apply : numeric) apply();
    if (stem.empty()) stem = std::filesystem::path(input).stem().string();

    try {
        std::vector<GeneratedPage> pages = generate_text(read_source_text(input), s);
        out.page_suffix = pages.size() > 1;
        if (only_page > 0) {
            if (only_page > static_cast<int>(pages.size()))
                throw scanfix::ConfigError(
                    "", 0,
                    fmt::format("--page {}: the text fills {} page(s)", only_page, pages.size()));
            pages = {pages[static_cast<size_t>(only_page - 1)]};
            out.page_suffix = false;
        }
        if (max_pages > 0 && static_cast<int>(pages.size()) > max_pages)
            pages.resize(static_cast<size_t>(max_pages));
        for (const std::string& path : write_document(pages, out_dir, stem, out))
            fmt::print("{}\n", path);
    } catch (const scanfix::Error& e) {
        fmt::print(stderr, "make_samples: {}\n", e.what());
        return 1;
    }
    return 0;
}
