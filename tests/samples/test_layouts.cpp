// The sample generator's layouts, inks and scan kinds: lines typed as written, table rows,
// columns read column by column, short pages, ribbon colours, dust, photographed volumes and
// typewriter faces by name. Pages at 100 dpi, so each renders in a blink.
#include <catch2/catch.hpp>

#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "generator_fixtures.hpp"
#include "page_generator.hpp"
#include "scanfix/core/error.hpp"
#include "typed_lines.hpp"
#include "typeface.hpp"

using namespace scanfix;
using namespace scanfix::samples;
using scanfix::samples::fixtures::fonts_installed;
using scanfix::samples::fixtures::kParagraphs;

namespace {

const char* const kVerse =
    "ПЕСНЯ\n"
    "\n"
    "Над рекою встали краны,\n"
    "    над рекою гул и звон,\n"
    "\n"
    "\n"
    "        Шаг за шагом,\n"
    "день за днем.\n";

PageSettings small_page(std::uint64_t seed) {
    PageSettings s;
    s.dpi = 100;
    s.seed = seed;
    s.noise = NoiseSettings::preset(NoiseLevel::None);
    return s;
}

std::string joined(const std::vector<std::string>& paragraphs) {
    std::string text;
    for (const std::string& p : paragraphs) text += p + "\n\n";
    return text;
}

// Mean colour (BGR) of the darkest tenth of the pixels inside `box`: the ink's own colour.
cv::Scalar ink_colour(const cv::Mat& image, const cv::Rect& box) {
    cv::Mat roi = image(box), gray;
    cv::cvtColor(roi, gray, cv::COLOR_BGR2GRAY);
    cv::Mat sorted;
    cv::sort(gray.reshape(1, 1), sorted, cv::SORT_ASCENDING);
    const int cut = sorted.at<uchar>(0, static_cast<int>(sorted.total() / 10));
    return cv::mean(roi, gray <= cut);
}

}  // namespace

TEST_CASE(
    "lines as written keep their indentation and blank rows; the reference drops only the indent") {
    auto lines = set_written_lines(kVerse, 40);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].text == "ПЕСНЯ");
    CHECK(lines[1].blank_before == 1);
    CHECK(lines[1].paragraph_start);
    CHECK(lines[2].indent == 4);
    CHECK_FALSE(lines[2].paragraph_start);
    CHECK(lines[3].indent == 8);
    CHECK(lines[3].blank_before == 2);
    CHECK(lines[1].paragraph == lines[2].paragraph);
    CHECK(lines[3].paragraph != lines[2].paragraph);
    auto pages = split_pages(lines, 30, 0);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0][3].row == 6);  // 0, blank, 2, 3, blank, blank, 6
    CHECK(diplomatic_text(pages[0], 0) ==
          "ПЕСНЯ\n\nНад рекою встали краны,\nнад рекою гул и звон,\n\n\nШаг за шагом,\nдень за "
          "днем.\n");
}

TEST_CASE("a written line longer than the page goes on at the same indentation") {
    auto lines = set_written_lines("   один два три четыре пять шесть\n", 16);
    REQUIRE(lines.size() >= 2);
    for (const TypedLine& l : lines) {
        CHECK(l.indent == 3);
        CHECK(static_cast<int>(l.text.size()) > 0);
    }
    std::string all;
    for (const TypedLine& l : lines) all += (all.empty() ? "" : " ") + l.text;
    CHECK(all == "один два три четыре пять шесть");
}

TEST_CASE("table rows align every cell at its column and refuse a table wider than the line") {
    std::vector<int> starts;
    auto rows = set_table_rows("№ | Дело | Листов\n1 | Приказы | 112\n\n12 | Акты ревизий | 9\n",
                               60, 3, starts);
    REQUIRE(rows.size() == 3);
    REQUIRE(starts == std::vector<int>{0, 5, 20});
    CHECK(rows[0].text == "№    Дело           Листов");
    CHECK(rows[2].text == "12   Акты ревизий   9");
    CHECK(rows[2].blank_before == 1);
    CHECK_THROWS_AS(set_table_rows("очень длинная ячейка | другая длинная ячейка\n", 30, 3, starts),
                    ConfigError);
}

TEST_CASE("two columns fill the left column first and the reference reads column by column") {
    LineSettings ls;
    ls.columns = 20;
    auto lines = set_lines(kParagraphs, ls);
    auto pages = split_pages(lines, 6, 0, 2);
    REQUIRE(pages.size() >= 2);
    for (const auto& page : pages) {
        int last_column = 0;
        for (const TypedLine& l : page) {
            CHECK(l.row < 6);
            CHECK(l.column >= last_column);  // never back to the left column
            last_column = l.column;
        }
        CHECK(page.size() <= 12);
    }
    CHECK(pages[0][6].column == 1);
    CHECK(pages[0][6].row == 0);
    std::string all, expected;
    for (const auto& page : pages) all += diplomatic_text(page, 0);
    for (const TypedLine& l : lines) expected += l.text + "\n";
    CHECK(all == expected);
}

TEST_CASE("a page in two columns types the second column to the right of the first") {
    if (!fonts_installed()) return;
    PageSettings s = small_page(3);
    s.text_columns = 2;
    auto pages = generate_text(joined(kParagraphs) + joined(kParagraphs) + joined(kParagraphs), s);
    REQUIRE(pages.size() == 1);
    const GeneratedPage& p = pages[0];
    // The reference holds every typed line, in the order of the boxes: left column, then right.
    size_t lines = 0;
    for (char c : p.lines_text) lines += c == '\n';
    REQUIRE(lines == p.line_boxes.size());
    int right_start = -1;
    for (size_t i = 1; i < p.line_boxes.size(); ++i)
        if (p.line_boxes[i].x > p.line_boxes[i - 1].x + p.line_boxes[0].width / 2) {
            right_start = static_cast<int>(i);
            break;
        }
    REQUIRE(right_start > 0);
    for (int i = 0; i < right_start; ++i)
        CHECK(p.line_boxes[static_cast<size_t>(i)].br().x <
              p.line_boxes[static_cast<size_t>(right_start)].x);
    CHECK(p.line_boxes[static_cast<size_t>(right_start)].y <
          p.line_boxes[static_cast<size_t>(right_start - 1)].y);
}

TEST_CASE("a short page holds only its first lines, at the top of one sheet") {
    if (!fonts_installed()) return;
    PageSettings s = small_page(4);
    s.short_page = 3;
    std::string long_text;
    for (int i = 0; i < 6; ++i) long_text += joined(kParagraphs);
    auto pages = generate_text(long_text, s);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].line_boxes.size() == 3);
    CHECK(pages[0].text_column.br().y < pages[0].image.rows / 3);
    size_t lines = 0;
    for (char c : pages[0].lines_text) lines += c == '\n';
    CHECK(lines == 3);
}

TEST_CASE("violet and blue ribbons type in their colour, carbon copies are fainter than black") {
    if (!fonts_installed()) return;
    auto colour_of = [](const std::string& ink) {
        PageSettings s = small_page(5);
        s.ink = ink;
        auto pages = generate_document(kParagraphs, s);
        return ink_colour(pages[0].image, pages[0].line_boxes[0]);
    };
    cv::Scalar black = colour_of("black"), violet = colour_of("violet"), blue = colour_of("blue"),
               carbon = colour_of("carbon");
    // BGR: violet has red and blue well above green; blue ribbon has blue well above red.
    CHECK(std::abs(black[0] - black[2]) < 15);
    CHECK(violet[2] > violet[1] + 30);
    CHECK(violet[0] > violet[1] + 30);
    CHECK(blue[0] > blue[2] + 40);
    auto darkness = [](const cv::Scalar& c) { return 255 - (c[0] + c[1] + c[2]) / 3; };
    CHECK(darkness(carbon) < darkness(black) * 0.75);
    CHECK_THROWS_AS(ribbon_ink("green"), ConfigError);
}

TEST_CASE("dust levels set specks and fibres; fibres are recorded and drawn") {
    NoiseSettings n = NoiseSettings::preset(NoiseLevel::None);
    n.set_dust("heavy");
    CHECK(n.speckle);
    CHECK(n.speckle_count > NoiseSettings::preset(NoiseLevel::Heavy).speckle_count);
    CHECK(n.hairs > 0);
    n.set_dust("none");
    CHECK_FALSE(n.speckle);
    CHECK(n.hairs == 0);
    CHECK_THROWS_AS(n.set_dust("some"), ConfigError);
    if (!fonts_installed()) return;
    PageSettings s = small_page(6);
    s.noise.hairs = 5;
    auto pages = generate_document(kParagraphs, s);
    int hairs = 0;
    for (const NoiseItem& item : pages[0].noise) hairs += item.kind == "hair";
    CHECK(hairs >= 4);  // one may fall wholly off the sheet
}

TEST_CASE("a photographed volume shows the gutter shadow and the facing page beside the sheet") {
    if (!fonts_installed()) return;
    PageSettings s = small_page(7);
    s.noise.photographed = true;
    auto pages = generate_document(kParagraphs, s);
    const GeneratedPage& p = pages[0];
    cv::Rect facing, gutter;
    for (const NoiseItem& item : p.noise) {
        if (item.kind == "facing_page") facing = item.box;
        if (item.kind == "gutter_shadow") gutter = item.box;
    }
    REQUIRE(facing.area() > 0);
    REQUIRE(gutter.area() > 0);
    CHECK((facing & p.text_column).area() == 0);  // the body stays on its own sheet
    for (const cv::Rect& box : p.line_boxes)
        CHECK((box & cv::Rect(0, 0, p.image.cols, p.image.rows)) == box);
    // The gutter is darker than the middle of the page, and the facing edge holds typed ink.
    cv::Mat gray;
    cv::cvtColor(p.image, gray, cv::COLOR_BGR2GRAY);
    const cv::Rect middle(p.image.cols / 2 - 5, p.image.rows - p.image.rows / 8, 10, 10);
    CHECK(cv::mean(gray(gutter))[0] < cv::mean(gray(middle))[0] - 40);
    cv::Mat facing_gray = gray(facing);
    CHECK(cv::countNonZero(facing_gray < 90) > 20);
    // Pages that are not photographed have none of it.
    s.noise.photographed = false;
    for (const NoiseItem& item : generate_document(kParagraphs, s)[0].noise)
        CHECK(item.kind != "facing_page");
}

TEST_CASE("typewriter faces by name: installed names give their file, others are refused") {
    for (const NamedFont& f : typewriter_font_names()) {
        if (std::filesystem::exists(f.file))
            CHECK(typewriter_font_file(f.name) == f.file);
        else
            CHECK_THROWS_AS(typewriter_font_file(f.name), InputError);
    }
    CHECK(typewriter_font_file("").empty());
    CHECK_THROWS_AS(typewriter_font_file("no-such-face"), InputError);
}

TEST_CASE("layout settings out of range are refused before anything is drawn") {
    PageSettings s = small_page(8);
    s.layout = "poster";
    CHECK_THROWS_AS(s.validate(), ConfigError);
    s = small_page(8);
    s.layout = "lines";
    s.text_columns = 2;
    CHECK_THROWS_AS(s.validate(), ConfigError);
    s = small_page(8);
    s.text_columns = 4;
    CHECK_THROWS_AS(s.validate(), ConfigError);
    s = small_page(8);
    s.layout = "table";
    CHECK_THROWS_AS(generate_document(kParagraphs, s), ConfigError);
}
