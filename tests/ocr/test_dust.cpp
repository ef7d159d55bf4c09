// Dark dust: dots where no punctuation, accent or letter part can be go; a full stop on the
// baseline, a comma, an accent, a colon and a dash stay, whatever their size.
#include <catch2/catch.hpp>

#include "scanfix/ocr/dust.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {

constexpr int kCh = 20;
constexpr int kBaseline = 100;

// One typed line, "report signed copy", on white; returns where each word ends.
cv::Mat typed_line(std::vector<int>& word_ends) {
    cv::Mat page(200, 700, CV_8UC1, cv::Scalar(255));
    int x = 20;
    for (const char* w : {"report", "signed", "copy"}) {
        int base = 0;
        const cv::Size s = cv::getTextSize(w, cv::FONT_HERSHEY_SIMPLEX, kFontScale, kStroke, &base);
        cv::putText(page, w, {x, kBaseline}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                    kStroke);
        word_ends.push_back(x + s.width);
        x += s.width + 40;
    }
    return page;
}

void dot(cv::Mat& page, cv::Point centre) {
    cv::circle(page, centre, 2, cv::Scalar(0), cv::FILLED);
}

}  // namespace

TEST_CASE("dots out of place are dust; punctuation, accents, colons and dashes stay") {
    std::vector<int> ends;
    cv::Mat page = typed_line(ends);
    const cv::Point stop(ends[0] + 5, kBaseline - 2);      // a full stop after "report"
    const cv::Point quote(ends[1] + 5, kBaseline - 13);    // an apostrophe at the top line
    const cv::Point accent(ends[2] - 8, kBaseline - 22);   // over the "y" of "copy"
    const cv::Point mid_gap(ends[0] + 22, kBaseline - 7);  // half-way up, between words
    const cv::Point between(200, kBaseline + 40);          // under the line, on open paper
    const cv::Point colon_top(ends[2] + 8, kBaseline - 9), colon_foot(ends[2] + 8, kBaseline - 2);
    for (auto c : {stop, quote, accent, mid_gap, between, colon_top, colon_foot}) dot(page, c);
    const cv::Rect dash(ends[1] + 14, kBaseline - 8, 10, 3);  // " - " between two words
    page(dash).setTo(0);

    const InkComponents ink = label_ink(page);
    std::vector<uint8_t> dust;
    auto found = find_dust(ink, kCh, DustParams{}, {}, cv::Rect(0, 0, 700, 200), dust);
    auto is_dust = [&](cv::Point p) { return dust[ink.labels.at<int>(p)] != 0; };
    CHECK(is_dust(mid_gap));
    CHECK(is_dust(between));
    CHECK_FALSE(is_dust(stop));
    CHECK_FALSE(is_dust(quote));
    CHECK_FALSE(is_dust(accent));
    CHECK_FALSE(is_dust(colon_top));
    CHECK_FALSE(is_dust(colon_foot));
    CHECK_FALSE(is_dust(dash.tl()));
    CHECK(found.size() == 2);
}

TEST_CASE("dust is judged only within the given area, and pieces of a letter stay") {
    std::vector<int> ends;
    cv::Mat page = typed_line(ends);
    const cv::Point outside(650, 150), inside_letter(30, kBaseline - 6);
    dot(page, outside);
    page.at<uchar>(inside_letter) = 0;
    const InkComponents ink = label_ink(page);
    std::vector<uint8_t> dust;
    auto found = find_dust(ink, kCh, DustParams{}, {}, cv::Rect(0, 0, 600, 200), dust);
    CHECK(found.empty());
    found = find_dust(ink, kCh, DustParams{}, {}, cv::Rect(0, 0, 700, 200), dust);
    CHECK(found.size() == 1);
    CHECK(dust[ink.labels.at<int>(outside)] != 0);
}
