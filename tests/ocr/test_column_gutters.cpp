// Columns of text typed close together: a block of typing parts at the gutter down its lines,
// even where a mark crosses it, with a heading over the columns read first; prose in one column
// and a form of short entries in two columns stay whole.
#include <catch2/catch.hpp>

#include "scanfix/ocr/text_column.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
constexpr int kCh = 20;

void type(cv::Mat& page, const std::string& text, int x, int baseline) {
    cv::putText(page, text, {x, baseline}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                kStroke, cv::LINE_AA);
}

TextLayout layout_of(const cv::Mat& page) {
    return find_text_column(page > 128, kCh, TextColumnParams{});
}

// Two columns of prose from y = 150, the left one's lines ending before x = 600 and the right
// one's starting at x = 625: a gutter of little more than one character height, narrower than
// the white that joins words into lines.
cv::Mat two_close_columns() {
    cv::Mat page = draw_text_page({1300, 1600}, {100, 150, 500, 1300});
    cv::min(page, draw_text_page({1300, 1600}, {625, 150, 500, 1300}), page);
    return page;
}

int right_edge(const cv::Rect& r) {
    return r.x + r.width;
}
}  // namespace

TEST_CASE("two columns typed close together are read one after the other") {
    const cv::Mat page = two_close_columns();
    const TextLayout layout = layout_of(page);
    REQUIRE(layout.columns.size() == 2);
    CHECK(right_edge(layout.columns[0]) <= 625);
    CHECK(layout.columns[1].x >= 600);
    CHECK(layout.columns[0].y <= 180);
    CHECK(layout.columns[1].y + layout.columns[1].height >= 1440);
}

TEST_CASE(
    "a heading over two close columns is read before them, a mark across the gutter "
    "does not join them") {
    cv::Mat page = two_close_columns();
    type(page, "Protocol of the meeting of the commission", 300, 110);
    // Two marks of letter size in the gutter, on two lines in the middle of the page.
    type(page, "x", 600, 150 + 12 * kLineStep);
    type(page, "x", 600, 150 + 20 * kLineStep);
    const TextLayout layout = layout_of(page);
    REQUIRE(layout.columns.size() == 3);
    const cv::Rect heading = layout.columns[0];
    CHECK(heading.y <= 85);
    CHECK(heading.y + heading.height <= 150 + kLineStep - kCh);
    CHECK(heading.width >= 560);
    CHECK(right_edge(layout.columns[1]) <= 625);
    CHECK(layout.columns[2].x >= 600);
    CHECK(layout.columns[1].y + layout.columns[1].height >= 1440);
}

TEST_CASE("one column of prose and a form of short entries in two columns stay whole") {
    SECTION("prose") {
        const TextLayout layout = layout_of(draw_text_page());
        CHECK(layout.columns.size() == 1);
    }
    SECTION("a form: short names and entries down two columns, a gutter apart") {
        cv::Mat page(1600, 1300, CV_8UC1, cv::Scalar(255));
        static const char* kNames[] = {"Name", "Born", "Place of birth and residence", "Nr.",
                                       "Arrested"};
        static const char* kEntries[] = {"Praha", "1949", "Kopenhagen, archive report", "Berlin",
                                         "signed"};
        // The entries begin one and a half character heights after the longest name.
        int baseline = 0;
        const int entries_x =
            100 + 3 * kCh / 2 +
            cv::getTextSize(kNames[2], cv::FONT_HERSHEY_SIMPLEX, kFontScale, kStroke, &baseline)
                .width;
        for (int r = 0; r < 25; ++r) {
            type(page, kNames[r % 5], 100, 200 + r * kLineStep);
            type(page, kEntries[(r + 2) % 5], entries_x, 200 + r * kLineStep);
        }
        const TextLayout layout = layout_of(page);
        CHECK(layout.columns.size() == 1);
    }
}
