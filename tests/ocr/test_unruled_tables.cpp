// Tables typed without rules: a run of rows whose columns leave white gutters down every row is
// found with one band per row (at single spacing on a skewed page too), and a margin column of
// letter pairs far beside it is left out of it. Prose, prose in two columns beside a column of
// line numbers, a body between two margin columns, a numbered list of two columns and such
// pages with letter pairs in the margin are no tables.
#include <catch2/catch.hpp>

#include "scanfix/ocr/components.hpp"
#include "scanfix/ocr/tables.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
constexpr int kCh = 20;
constexpr int kRowStep = 60;  // rows typed a line and a half apart

void type(cv::Mat& page, const std::string& text, int x, int baseline) {
    cv::putText(page, text, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                kStroke, cv::LINE_AA);
}

std::vector<TypedTable> tables_of(const cv::Mat& page) {
    const cv::Mat binary = page > 128;
    return find_unruled_tables(label_ink(binary), nullptr, page.size(), kCh, TableParams{}, {});
}

// An inventory of `rows` rows typed in four columns from x = 80 (number, title, years, sheets),
// a line and a half apart, from y = 100.
cv::Mat inventory(int rows, cv::Size size = {1200, 900}) {
    cv::Mat page(size, CV_8UC1, cv::Scalar(255));
    static const char* kTitles[] = {"Orders of the director", "Minutes", "Letters to the trust",
                                    "Annual report",          "Budgets", "Audit reports"};
    static const char* kYears[] = {"1946-1947", "1947", "1946", "1945-1947"};
    for (int r = 0; r < rows; ++r) {
        const int y = 100 + r * kRowStep;
        type(page, std::to_string(r + 1), 80, y);
        type(page, kTitles[r % 6], 180, y);
        type(page, kYears[r % 4], 620, y);
        type(page, std::to_string(17 + 37 * r), 900, y);
    }
    return page;
}
}  // namespace

TEST_CASE("a table typed without rules is found with a band for each row") {
    const cv::Mat page = inventory(8);
    const auto tables = tables_of(page);
    REQUIRE(tables.size() == 1);
    const TypedTable& t = tables[0];
    CHECK(t.rules.empty());
    REQUIRE(t.rows.size() == 8);
    for (int r = 0; r < 8; ++r) {
        INFO("row " << r);
        const int baseline = 100 + r * kRowStep;
        CHECK(t.rows[r].y < baseline - kCh / 2);
        CHECK(t.rows[r].y + t.rows[r].height > baseline);
        if (r > 0) CHECK(t.rows[r].y >= t.rows[r - 1].y + t.rows[r - 1].height);
    }
    CHECK(t.box.x <= 80);
    CHECK(t.box.x + t.box.width >= 940);
    CHECK(t.box.x + t.box.width < 1000);
}

TEST_CASE("a margin column of letter pairs beside an unruled table is not one of its columns") {
    cv::Mat page = inventory(8, {1400, 900});
    static const char* kPairs[] = {"zh", "el", "so", "gk", "ze", "hs", "or", "tk"};
    for (int r = 0; r < 8; ++r) type(page, kPairs[r], 1300, 100 + r * kRowStep - 6);
    const auto tables = tables_of(page);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows.size() == 8);
    CHECK(tables[0].box.x + tables[0].box.width < 1100);
    // Without the table's own columns nothing is left that holds the letter pairs.
    cv::Mat margin_only(page.size(), CV_8UC1, cv::Scalar(255));
    page(cv::Rect(1100, 0, 300, 900)).copyTo(margin_only(cv::Rect(1100, 0, 300, 900)));
    CHECK(tables_of(margin_only).empty());
}

TEST_CASE("too few rows or too few columns make no table") {
    CHECK(tables_of(inventory(3)).empty());
    // A numbered list: the numbers and the items, two columns.
    cv::Mat list(900, 1200, CV_8UC1, cv::Scalar(255));
    for (int r = 0; r < 10; ++r) {
        type(list, std::to_string(r + 1) + ".", 80, 100 + r * kLineStep);
        type(list, "an item of the list, typed after its number", 200, 100 + r * kLineStep);
    }
    CHECK(tables_of(list).empty());
}

TEST_CASE("prose, prose in two columns and a body between margin columns are no tables") {
    CHECK(tables_of(draw_text_page()).empty());

    // Two columns of prose with the lines numbered at the left: three columns, two of them
    // wide and full of lines.
    cv::Mat two = cv::min(draw_text_page({1400, 1000}, {160, 80, 520, 800}),
                          draw_text_page({1400, 1000}, {780, 80, 520, 800}));
    for (int r = 1; r * kLineStep < 800; ++r) type(two, std::to_string(r), 60, 80 + r * kLineStep);
    CHECK(tables_of(two).empty());

    // One body of prose with a column of letter pairs at either side.
    cv::Mat body = draw_text_page({1400, 1000}, {160, 80, 1080, 800});
    for (int r = 1; r * kLineStep < 800; ++r) {
        type(body, "ab", 40, 80 + r * kLineStep);
        type(body, "cd", 1320, 80 + r * kLineStep);
    }
    CHECK(tables_of(body).empty());
}

TEST_CASE("a margin column of letter pairs makes no table of a numbered list or of two columns") {
    static const char* kPairs[] = {"zh", "el", "so", "gk", "ze", "hs", "or", "tk", "ab", "cd"};
    // A numbered list, its numbers set apart from the items, letter pairs far to the right.
    cv::Mat list(900, 1400, CV_8UC1, cv::Scalar(255));
    for (int r = 0; r < 10; ++r) {
        type(list, std::to_string(r + 1) + ".", 80, 100 + r * kLineStep);
        type(list, "an item of the list, typed after its number", 180, 100 + r * kLineStep);
        type(list, kPairs[r], 1300, 100 + r * kLineStep);
    }
    CHECK(tables_of(list).empty());

    // Two columns of prose, the right one ending its text half way down with a short line,
    // letter pairs beside it: the rows below look like a table of three columns.
    cv::Mat two = cv::min(draw_text_page({1400, 1000}, {80, 80, 520, 800}),
                          draw_text_page({1400, 1000}, {680, 80, 520, 400}));
    type(two, "the end.", 680, 80 + 10 * kLineStep);
    for (int r = 1; r * kLineStep < 800; ++r) type(two, kPairs[r % 10], 1300, 80 + r * kLineStep);
    CHECK(tables_of(two).empty());
}

TEST_CASE("a table typed at single spacing on a slightly skewed page keeps its rows apart") {
    cv::Mat page(900, 1200, CV_8UC1, cv::Scalar(255));
    static const char* kTitles[] = {"Nails (kg)", "Boards",  "Window glass", "Oil paint", "Cement",
                                    "Gloves",     "Shovels", "Buckets",      "Rope (m)",  "Lamps"};
    for (int r = 0; r < 10; ++r) {
        const int y = 100 + r * 32;  // one typewriter line apart: capitals almost touch descenders
        type(page, std::to_string(r + 1), 80, y);
        type(page, kTitles[r], 180, y);
        type(page, std::to_string(3 + 7 * r), 620, y);
        type(page, r % 2 ? "urgent" : "store", 900, y);
    }
    const cv::Mat skewed = skew_page(page, 1.2);
    const auto tables = tables_of(skewed > 128);
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].rows.size() == 10);
}
