// The page kinds that made scanfix lose text that plain Tesseract reads, each generated afresh
// (seeds and texts the benchmark does not use): typing in violet ribbon, a short last page
// under heavy dust, verse typed line by line, prose in two columns and in three typed close
// together, a photographed bound volume with the facing page's edge, and a table with rules
// and one without. Each must come out nearly whole and in order.
#include <catch2/catch.hpp>

#include "generator_fixtures.hpp"
#include "page_generator.hpp"
#include "pipeline_fixtures.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

samples::PageSettings settings(std::uint64_t seed) {
    samples::PageSettings s;
    s.seed = seed;
    s.noise = samples::NoiseSettings::preset(samples::NoiseLevel::Light);
    return s;
}

// The page's CER as scanfix reads it (default profile), and the text column it found.
struct Reading {
    double cer = 1;
    double lost = 1;  // reference characters missing or misread (insertions not counted)
    std::string text;
    cv::Rect column;
};

Reading read(const samples::GeneratedPage& generated) {
    const Document doc = test::read_generated(generated.image);
    Reading r;
    r.text = render_text(doc, Layout::Diplomatic);
    const eval::EditCounts counts = eval::evaluate(generated.lines_text, r.text).characters;
    r.cer = counts.rate();
    r.lost = double(counts.substitutions + counts.deletions) /
             double(std::max<size_t>(1, counts.reference_length));
    if (const Region* c = doc[0].text_column()) r.column = doc[0].source_box(c->box);
    return r;
}

}  // namespace

TEST_CASE("typing in violet ribbon is read, not faded as a stamp") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7101);
    s.ink = "violet";
    const Reading r = read(test::first_page("samples/texts/report.txt", s));
    INFO(r.text);
    CHECK(r.cer < 0.08);
}

TEST_CASE("a short last page under heavy dust keeps its lines") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7102);
    s.short_page = 6;
    s.noise.set_dust("heavy");
    const samples::GeneratedPage page = test::first_page("samples/texts/protocol.txt", s);
    const Reading r = read(page);
    INFO(r.text);
    // Dust read as marks may add characters; the typed lines must all be there.
    CHECK(r.lost < 0.08);
    CHECK(r.cer < 0.5);
    // The column holds the six typed lines, not a strip of them.
    REQUIRE(r.column.area() > 0);
    CHECK((r.column & page.text_column).area() > 0.8 * page.text_column.area());
}

TEST_CASE("verse typed line by line keeps its order") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7103);
    s.layout = "lines";
    const Reading r = read(test::first_page("bench/texts/verse.txt", s));
    INFO(r.text);
    CHECK(r.cer < 0.08);
}

TEST_CASE("prose in two columns is read column by column") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7104);
    s.text_columns = 2;
    const Reading r = read(test::first_page("samples/texts/telegram.txt", s));
    INFO(r.text);
    CHECK(r.cer < 0.08);
}

TEST_CASE("prose in three columns typed close together is read column by column") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7108);
    s.text_columns = 3;
    s.column_gap = 3;
    const Reading r = read(test::first_page("samples/texts/protocol.txt", s));
    INFO(r.text);
    // Gutters of three character cells join the columns into one block of text; read across
    // it, the page came out at 50 % CER.
    CHECK(r.cer < 0.08);
}

TEST_CASE("the facing page's edge of a photographed volume is not read as the column") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7105);
    s.noise.photographed = true;
    const samples::GeneratedPage page = test::first_page("samples/texts/report.txt", s);
    const Reading r = read(page);
    INFO(r.text);
    CHECK(r.cer < 0.08);
    REQUIRE(r.column.area() > 0);
    CHECK((r.column & page.text_column).area() > 0.8 * page.text_column.area());
}

TEST_CASE("a ruled table is read row by row, its rules not read as letters") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7106);
    s.layout = "table";
    s.table_rules = true;
    const Reading r = read(test::first_page("bench/texts/register.txt", s));
    INFO(r.text);
    CHECK(r.cer < 0.12);
}

TEST_CASE("a table typed without rules is read row by row, its numbers kept") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s = settings(7107);
    s.layout = "table";
    const Reading r = read(test::first_page("bench/texts/register.txt", s));
    INFO(r.text);
    // Read as a column, the numbers and the years were lost (43 % CER); the margin's letter
    // pairs may still be read into the rows.
    CHECK(r.lost < 0.1);
    CHECK(r.cer < 0.25);
}
