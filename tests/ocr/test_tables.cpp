// Ruled tables: a grid of rules is found with its rows, its rules go from both pages while the
// letters in its cells (and a letter crossing a rule) stay; a frame round a paragraph,
// underlines without rules down and a ruled box filled in by hand are no tables.
#include <catch2/catch.hpp>

#include "scanfix/ocr/tables.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
constexpr int kCh = 20;

struct Grid {
    cv::Mat page;   // rules and letters
    cv::Mat rules;  // 255 on the rules' pixels that are not letters
    cv::Mat type;   // 255 on the letters' pixels
    cv::Rect box;
};

// A table of `rows` x `columns` cells of 44 x 260 pixels, a word in each cell, rules
// `thickness` thick; with `frame_only`, the four outer rules alone.
Grid ruled_table(int rows, int columns, int thickness = 3, bool frame_only = false) {
    Grid g;
    g.page = cv::Mat(120 + rows * kLineStep, 160 + columns * 260, CV_8UC1, cv::Scalar(255));
    g.box = cv::Rect(80, 60, columns * 260, rows * kLineStep);
    cv::Mat text = g.page.clone(), lines = g.page.clone();
    static const char* kWords[] = {"Nr.", "Moskau", "1949", "report", "copy", "112"};
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            cv::putText(text, kWords[(r + c) % 6],
                        {g.box.x + c * 260 + 12, g.box.y + r * kLineStep + 32},
                        cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0), kStroke);
    for (int r = 0; r <= rows; ++r) {
        if (frame_only && r > 0 && r < rows) continue;
        const int y = g.box.y + r * kLineStep;
        cv::line(lines, {g.box.x, y}, {g.box.x + g.box.width, y}, cv::Scalar(0), thickness);
    }
    for (int c = 0; c <= columns; ++c) {
        if (frame_only && c > 0 && c < columns) continue;
        const int x = g.box.x + c * 260;
        cv::line(lines, {x, g.box.y}, {x, g.box.y + g.box.height}, cv::Scalar(0), thickness);
    }
    g.page = cv::min(text, lines);
    g.type = text == 0;
    g.rules = (lines == 0) & (text == 255);
    return g;
}
}  // namespace

TEST_CASE("a ruled table is found with its rows; its rules go and its letters stay") {
    Grid g = ruled_table(5, 3);
    const auto tables = find_ruled_tables(g.page, kCh, TableParams{});
    REQUIRE(tables.size() == 1);
    const TypedTable& t = tables[0];
    CHECK((t.box & g.box).area() > 0.95 * g.box.area());
    CHECK(t.box.area() < 1.1 * g.box.area());
    REQUIRE(t.rows.size() == 5);
    for (int r = 0; r < 5; ++r) {
        INFO("row " << r);
        const int top = g.box.y + r * kLineStep;
        CHECK(std::abs(t.rows[r].y - top) <= 4);
        CHECK(std::abs(t.rows[r].height - kLineStep) <= 6);
    }
    CHECK(t.rules.size() == 10);

    cv::Mat binary = g.page.clone(), gray = g.page.clone();
    remove_table_rules(binary, gray, t, kCh, TableParams{});
    const int type_px = cv::countNonZero(g.type), rule_px = cv::countNonZero(g.rules);
    CHECK(cv::countNonZero(g.type & (binary == 0)) > 0.99 * type_px);
    CHECK(cv::countNonZero(g.rules & (binary == 0)) < 0.05 * rule_px);
    CHECK(cv::countNonZero(g.rules & (gray < 128)) < 0.05 * rule_px);
}

TEST_CASE("a letter crossing a table's rule keeps its stroke") {
    Grid g = ruled_table(3, 2);
    // A stroke down through the second rule across, as a tall letter or a pen mark would.
    const cv::Rect stroke(g.box.x + 100, g.box.y + kLineStep - 15, 3, 30);
    g.page(stroke).setTo(0);
    const auto tables = find_ruled_tables(g.page, kCh, TableParams{});
    REQUIRE(tables.size() == 1);
    cv::Mat binary = g.page.clone(), gray = g.page.clone();
    remove_table_rules(binary, gray, tables[0], kCh, TableParams{});
    CHECK(cv::countNonZero(binary(stroke) == 0) == stroke.area());
}

TEST_CASE("a frame round a paragraph and rules across alone are no tables") {
    const Grid frame = ruled_table(4, 2, 3, true);
    CHECK(find_ruled_tables(frame.page, kCh, TableParams{}).empty());

    cv::Mat lined = draw_text_page({900, 500}, {60, 40, 780, 420});
    for (int y = 100; y < 460; y += kLineStep)
        cv::line(lined, {60, y}, {840, y}, cv::Scalar(0), 2);  // a ruled sheet, no rules down
    CHECK(find_ruled_tables(lined, kCh, TableParams{}).empty());
}

TEST_CASE("rules thicker than the type's strokes allow are no table's") {
    const Grid bars = ruled_table(4, 3, 12);
    CHECK(find_ruled_tables(bars.page, kCh, TableParams{}).empty());
}

TEST_CASE("a ruled box filled in by hand is no table") {
    Grid g = ruled_table(4, 3);
    // Each cell's word covered by a scrawl: strokes running across and down through it.
    cv::Mat scrawled = g.page.clone();
    scrawled.setTo(255, g.type);
    cv::RNG rng(5);
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 3; ++c) {
            std::vector<cv::Point> pen;
            for (int k = 0; k < 9; ++k)
                pen.emplace_back(g.box.x + c * 260 + 20 + k * 25 + rng.uniform(-6, 6),
                                 g.box.y + r * kLineStep + 22 + rng.uniform(-14, 14));
            cv::polylines(scrawled, pen, false, cv::Scalar(0), 2);
        }
    CHECK(find_ruled_tables(scrawled, kCh, TableParams{}).empty());
    // The same grid with its typed words is one.
    CHECK(find_ruled_tables(g.page, kCh, TableParams{}).size() == 1);
}
