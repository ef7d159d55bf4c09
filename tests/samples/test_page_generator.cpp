// The sample page generator end to end on small pages (100 dpi, so each renders in a blink):
// determinism, the noise record's boxes, the margin column's place and the reference text.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <set>

#include "generator_fixtures.hpp"
#include "page_generator.hpp"
#include "scanfix/core/error.hpp"
#include "test_paths.hpp"
#include "typeface.hpp"

using namespace scanfix;
using namespace scanfix::samples;
using scanfix::samples::fixtures::fonts_installed;
using scanfix::samples::fixtures::kParagraphs;

namespace {

PageSettings small_page(std::uint64_t seed, NoiseLevel level) {
    PageSettings s;
    s.dpi = 100;
    s.seed = seed;
    s.noise = NoiseSettings::preset(level);
    return s;
}

bool inside(const cv::Rect& box, const cv::Mat& image) {
    return box.area() > 0 && (box & cv::Rect(0, 0, image.cols, image.rows)) == box;
}

bool same_image(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

}  // namespace

TEST_CASE("the same seed gives the same page, another seed another page") {
    if (!fonts_installed()) return;
    auto a = generate_document(kParagraphs, small_page(11, NoiseLevel::Heavy));
    auto b = generate_document(kParagraphs, small_page(11, NoiseLevel::Heavy));
    auto c = generate_document(kParagraphs, small_page(12, NoiseLevel::Heavy));
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    REQUIRE(c.size() == 1);
    CHECK(same_image(a[0].image, b[0].image));
    CHECK(noise_json_text(a[0].noise) == noise_json_text(b[0].noise));
    CHECK(a[0].lines_text == b[0].lines_text);
    CHECK_FALSE(same_image(a[0].image, c[0].image));
}

TEST_CASE("switching one noise off leaves the others where they were") {
    if (!fonts_installed()) return;
    PageSettings s = small_page(5, NoiseLevel::Light);
    s.noise.skew = false;
    auto with = generate_document(kParagraphs, s);
    s.noise.speckle = false;
    auto without = generate_document(kParagraphs, s);
    auto find = [](const GeneratedPage& p, const std::string& kind) {
        for (const NoiseItem& i : p.noise)
            if (i.kind == kind) return i.box;
        return cv::Rect();
    };
    for (const char* kind : {"stamp", "margin_column", "page_number", "punch_hole"}) {
        INFO(kind);
        CHECK(find(with[0], kind) == find(without[0], kind));
    }
    CHECK(find(without[0], "speckle").area() == 0);
}

TEST_CASE("every noise box lies inside the image and every kind is recorded") {
    if (!fonts_installed()) return;
    for (std::uint64_t seed : {1, 2, 3}) {
        auto pages = generate_document(kParagraphs, small_page(seed, NoiseLevel::Heavy));
        const GeneratedPage& page = pages.at(0);
        std::set<std::string> kinds;
        for (const NoiseItem& item : page.noise) {
            INFO(item.kind << " seed " << seed);
            kinds.insert(item.kind);
            CHECK(inside(item.box, page.image));
            for (const NoisePart& part : item.parts) {
                CHECK(inside(part.box, page.image));
                CHECK((part.box & item.box) == part.box);
            }
        }
        for (const char* kind :
             {"speckle", "blur", "skew", "uneven_paper", "scanner_border", "punch_hole", "stamp",
              "page_number", "registration_number", "margin_column"})
            CHECK(kinds.count(kind) == 1);
        CHECK(inside(page.text_column, page.image));
    }
}

TEST_CASE("the margin column stands outside the text column") {
    if (!fonts_installed()) return;
    int left = 0, right = 0;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        PageSettings s = small_page(seed, NoiseLevel::Light);
        s.noise.skew = false;  // boxes of a turned page are loose; judge the upright sheet
        const GeneratedPage page = generate_document(kParagraphs, s).at(0);
        const NoiseItem* column = nullptr;
        for (const NoiseItem& item : page.noise)
            if (item.kind == "margin_column") column = &item;
        REQUIRE(column != nullptr);
        INFO("seed " << seed);
        CHECK((column->box & page.text_column).area() == 0);
        for (const NoiseItem& item : page.noise)
            if (item.kind == "punch_hole") CHECK((column->box & item.box).area() == 0);
        // As many groups as asked for, unless the page has too few lines to hold them.
        CHECK(column->parts.size() + 2 >= std::min<size_t>(page.line_boxes.size(), 15));
        for (const NoisePart& part : column->parts) {
            CHECK((part.box & page.text_column).area() == 0);
            CHECK(part.text.size() <= 4);  // one or two Cyrillic letters
        }
        (column->box.x < page.text_column.x ? left : right)++;
    }
    CHECK(left > 0);
    CHECK(right > 0);
}

TEST_CASE("a one-page text's reference is the source paragraphs") {
    if (!fonts_installed()) return;
    auto pages = generate_document(kParagraphs, small_page(3, NoiseLevel::Heavy));
    REQUIRE(pages.size() == 1);
    std::string expected;
    for (const std::string& p : kParagraphs) expected += (expected.empty() ? "" : "\n\n") + p;
    CHECK(pages[0].reading_text == expected + "\n");
    CHECK(pages[0].line_boxes.size() > kParagraphs.size());
    // The diplomatic text has one line per typed line.
    CHECK(static_cast<size_t>(std::count(pages[0].lines_text.begin(), pages[0].lines_text.end(),
                                         '\n')) == pages[0].line_boxes.size());
}

TEST_CASE("a long text spans pages, numbered in the file names and on the pages") {
    if (!fonts_installed()) return;
    std::vector<std::string> paragraphs;
    for (int i = 0; i < 12; ++i)
        paragraphs.insert(paragraphs.end(), kParagraphs.begin(), kParagraphs.end());
    PageSettings s = small_page(4, NoiseLevel::Light);
    s.first_page_number = 2;
    auto pages = generate_document(paragraphs, s);
    REQUIRE(pages.size() >= 2);
    std::string dir = test::temp_dir("samples");
    auto written = write_document(pages, dir, "report", OutputSettings{"png", 85, false});
    REQUIRE(written.size() == pages.size());
    for (size_t i = 0; i < pages.size(); ++i) {
        std::string base = dir + "/report-p" + std::to_string(i + 1);
        CHECK(written[i] == base + ".png");
        CHECK(same_image(cv::imread(written[i], cv::IMREAD_COLOR), pages[i].image));
        CHECK(test::slurp(base + ".gt.txt") == pages[i].reading_text);
        CHECK(test::slurp(base + ".lines.gt.txt") == pages[i].lines_text);
        auto noise = noise_from_json(nlohmann::json::parse(test::slurp(base + ".noise.json")));
        CHECK(noise_json_text(noise) == noise_json_text(pages[i].noise));
        bool numbered = false;
        for (const NoiseItem& item : noise)
            if (item.kind == "page_number") numbered = item.text == std::to_string(2 + i) + ".";
        CHECK(numbered);
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("impossible settings are refused with ConfigError") {
    PageSettings s;
    s.dpi = 10;
    CHECK_THROWS_AS(s.validate(), ConfigError);
    s = PageSettings();
    s.noise.stamp_opacity = 2;
    CHECK_THROWS_AS(s.validate(), ConfigError);
    s = PageSettings();
    s.left_mm = s.right_mm = 100;
    CHECK_THROWS_AS(generate_document({"текст"}, s), ConfigError);
    CHECK_THROWS_AS(
        write_document({}, test::temp_dir("samples-bad"), "x", OutputSettings{"gif", 85, false}),
        ConfigError);
}
