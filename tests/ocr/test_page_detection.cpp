// Page and content detection: dark scanner borders and punch holes vanish, the text column is
// found and the margins around it are reported, not cropped.
#include <catch2/catch.hpp>

#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "scanfix/ocr/punch_holes.hpp"
#include "scanfix/ocr/text_column.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
constexpr int kDpi = 200;
const cv::Rect kColumn(220, 150, 860, 1300);

int count_regions(const Page& page, RegionKind kind) {
    int n = 0;
    for (const auto& r : page.regions) n += r.kind == kind;
    return n;
}

double overlap(const cv::Rect& a, const cv::Rect& b) {
    return double((a & b).area()) / double((a | b).area());
}
}  // namespace

TEST_CASE("scanner borders and punch holes are removed, the text column is found") {
    cv::Mat page = draw_text_page({1200, 1600}, kColumn);
    cv::Mat drawn = page < 128;
    // Scanner lid showing at the left and bottom edge, a black line where the paper edge cast a
    // shadow on top.
    cv::rectangle(page, {0, 0, 45, 1600}, cv::Scalar(25), cv::FILLED);
    cv::rectangle(page, {0, 1540, 1200, 60}, cv::Scalar(25), cv::FILLED);
    cv::line(page, {45, 4}, {1199, 4}, cv::Scalar(30), 4);
    // Two holes punched through to the black lid, one over a white lid (only its rim shows).
    const int r = int(mm_to_px(6.0, kDpi) / 2);
    std::vector<cv::Point> black_holes = {{110, 450}, {110, 1150}};
    for (auto c : black_holes) cv::circle(page, c, r, cv::Scalar(20), cv::FILLED, cv::LINE_AA);
    cv::Point white_hole(110, 800);
    cv::circle(page, white_hole, r, cv::Scalar(90), 3, cv::LINE_AA);

    Profile profile = Profile::parse("preprocess:\n  deskew:\n    enabled: false\n", "test.yaml");
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = kDpi;
    p.image = page;
    preprocess_page(p, ctx);
    REQUIRE(p.binary.size() == page.size());

    CHECK(cv::countNonZero(p.binary(cv::Rect(0, 0, 50, 1600)) == 0) == 0);
    CHECK(cv::countNonZero(p.binary(cv::Rect(0, 1530, 1200, 70)) == 0) == 0);
    CHECK(cv::countNonZero(p.binary(cv::Rect(0, 0, 1200, 12)) == 0) == 0);
    for (auto c : black_holes)
        CHECK(cv::countNonZero(p.binary(cv::Rect(c.x - r - 3, c.y - r - 3, 2 * r + 6, 2 * r + 6)) ==
                               0) == 0);
    CHECK(cv::countNonZero(p.binary(cv::Rect(white_hole.x - r - 3, white_hole.y - r - 3, 2 * r + 6,
                                             2 * r + 6)) == 0) == 0);
    // The grey page, which the recognizer may read instead, is cleaned the same way.
    double darkest = 0;
    cv::minMaxLoc(p.gray(cv::Rect(0, 0, 50, 1600)), &darkest);
    CHECK(darkest > 200);
    cv::minMaxLoc(
        p.gray(cv::Rect(white_hole.x - r - 3, white_hole.y - r - 3, 2 * r + 6, 2 * r + 6)),
        &darkest);
    CHECK(darkest > 200);
    CHECK(count_regions(p, RegionKind::PunchHole) == 3);
    CHECK(count_regions(p, RegionKind::Border) >= 2);

    // The typed text is all still there.
    int kept = cv::countNonZero(drawn & (p.binary == 0));
    CHECK(kept > 0.85 * cv::countNonZero(drawn));

    const Region* column = p.text_column();
    REQUIRE(column);
    cv::Rect ink = cv::boundingRect(drawn);
    CHECK(overlap(column->box, ink) > 0.85);
    CHECK(count_regions(p, RegionKind::Margin) >= 3);
    for (const auto& region : p.regions)
        if (region.kind == RegionKind::Margin) CHECK((region.box & ink).area() < 0.02 * ink.area());
}

TEST_CASE("letters and large circles are not punch holes") {
    cv::Mat dark = cv::Mat::zeros(1600, 1200, CV_8UC1);
    cv::circle(dark, {100, 300}, 10, cv::Scalar(255), cv::FILLED);         // 2.5 mm: a typed "o"
    cv::circle(dark, {100, 700}, 120, cv::Scalar(255), 6);                 // a round stamp
    cv::rectangle(dark, {80, 1000, 50, 50}, cv::Scalar(255), cv::FILLED);  // a square blot
    cv::circle(dark, {600, 800}, 24, cv::Scalar(255), cv::FILLED);         // hole-sized, mid-page
    CHECK(find_punch_holes(dark, kDpi, PunchHoleParams{}).empty());
    cv::circle(dark, {100, 1300}, 24, cv::Scalar(255), cv::FILLED);
    CHECK(find_punch_holes(dark, kDpi, PunchHoleParams{}).size() == 1);
}

TEST_CASE("a page without text reports no column") {
    Page p;
    p.dpi = kDpi;
    p.image = cv::Mat(800, 600, CV_8UC1, cv::Scalar(240));
    preprocess_page(p, Context{});
    CHECK(p.text_column() == nullptr);
}

TEST_CASE("the text column stops at the white gap before a margin column of stacked pairs") {
    cv::Mat page = draw_text_page({1200, 1600}, {150, 150, 820, 1300});
    cv::Mat drawn = page < 128;
    const int text_right = cv::boundingRect(drawn).br().x;
    // Two-letter items, one every other line, 1.7 character heights right of the text.
    const int band_x = text_right + 34;
    for (int y = 400; y < 1200; y += 2 * kLineStep)
        cv::putText(page, "ab", {band_x, y}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                    kStroke, cv::LINE_AA);
    Profile profile = Profile::parse("preprocess:\n  deskew:\n    enabled: false\n", "test.yaml");
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = kDpi;
    p.image = page;
    preprocess_page(p, ctx);
    const Region* column = p.text_column();
    REQUIRE(column);
    CHECK(column->box.br().x >= text_right - 2);
    CHECK(column->box.br().x < band_x);
}

TEST_CASE("prose in two columns is one body of two columns, read from the left") {
    cv::Mat page = draw_text_page({1400, 1600}, {100, 150, 560, 1300});
    cv::Mat right = draw_text_page({1400, 1600}, {760, 150, 560, 1300});
    cv::min(page, right, page);
    Page p;
    p.dpi = kDpi;
    p.image = page;
    Profile profile = Profile::parse("preprocess:\n  deskew:\n    enabled: false\n", "test.yaml");
    Context ctx;
    ctx.profile = &profile;
    preprocess_page(p, ctx);
    const Region* body = p.text_column();
    REQUIRE(body);
    std::vector<cv::Rect> columns;
    for (const Region& r : p.regions)
        if (r.kind == RegionKind::Column) columns.push_back(r.box);
    REQUIRE(columns.size() == 2);
    CHECK(columns[0].br().x < 700);
    CHECK(columns[1].x > 700);
    CHECK((body->box & columns[0]) == columns[0]);
    CHECK((body->box & columns[1]) == columns[1]);
    // Nothing of the body is taken for a margin.
    for (const Region& r : p.regions)
        if (r.kind == RegionKind::Margin) CHECK((r.box & columns[0]).area() == 0);
}

TEST_CASE("the resolution follows the type when the stated one is far off") {
    // The drawn type is about 2.5 mm tall at 200 dpi; the file claims 600 dpi.
    Page p;
    p.dpi = 600;
    p.image = draw_text_page();
    preprocess_page(p, Context{});
    CHECK(p.dpi > 150);
    CHECK(p.dpi < 260);
    bool logged = false;
    for (const auto& e : p.log) logged = logged || e.stage == "type_size";
    CHECK(logged);

    Page q;
    q.dpi = 200;
    q.image = draw_text_page();
    preprocess_page(q, Context{});
    CHECK(q.dpi == 200);
}

TEST_CASE("a letter in the last fraction of the coarse grid stays on the grid") {
    // The text column is searched on a grid of the page's size times 4 / character height,
    // rounded down: 1009 pixels at a character height of 40 give 100 cells, and a letter whose
    // centre lies at 1001 would have fallen into cell 100, one past the grid (read outside the
    // image: a crash found by tune, caught by ASan here).
    cv::Mat binary(1009, 1009, CV_8UC1, cv::Scalar(255));
    for (int row = 0; row < 3; ++row)
        for (int x = 100; x < 900; x += 40)
            cv::rectangle(binary, cv::Rect(x, 200 + 60 * row, 24, 30), cv::Scalar(0), cv::FILLED);
    cv::rectangle(binary, cv::Rect(990, 994, 12, 14), cv::Scalar(0), cv::FILLED);  // bottom right
    cv::rectangle(binary, cv::Rect(996, 500, 12, 14), cv::Scalar(0), cv::FILLED);  // right edge
    TextLayout layout = find_text_column(binary, 40, TextColumnParams{});
    REQUIRE(!layout.column.empty());
    CHECK((layout.column & cv::Rect(0, 0, 1009, 1009)) == layout.column);
    CHECK(layout.column.contains({500, 230}));
}
