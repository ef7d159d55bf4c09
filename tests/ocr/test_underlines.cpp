// Underlines: a rule under a heading goes from both pages while the letters it touches stay
// whole; short strokes and thick bars are no rules.
#include <catch2/catch.hpp>

#include "scanfix/ocr/underlines.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
constexpr int kCh = 20;
constexpr int kBaseline = 100;

cv::Mat heading() {
    cv::Mat page(260, 800, CV_8UC1, cv::Scalar(255));
    cv::putText(page, "Bekendtgorelse fra Sikkerhedspolitiet", {80, kBaseline},
                cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0), kStroke);
    return page;
}
}  // namespace

TEST_CASE("an underline touching descenders goes and the letters stay") {
    const cv::Mat text = heading();
    cv::Mat rule(text.size(), CV_8UC1, cv::Scalar(255));
    // Through the descenders of «g» and «p», two pixels thick, a little skewed.
    cv::line(rule, {75, kBaseline + 3}, {700, kBaseline + 5}, cv::Scalar(0), 2);
    cv::Mat binary = cv::min(text, rule);
    cv::Mat gray = binary.clone();

    auto rules = remove_underlines(binary, gray, kCh, UnderlineParams{});
    REQUIRE(rules.size() == 1);
    const cv::Mat type = text == 0, line_only = (rule == 0) & (text == 255);
    const int type_px = cv::countNonZero(type), line_px = cv::countNonZero(line_only);
    // The letters stay, but for the odd pixel of a descender that ends on the rule.
    CHECK(cv::countNonZero(type & (binary == 0)) > 0.99 * type_px);
    CHECK(cv::countNonZero(line_only & (binary == 0)) < 0.15 * line_px);
    CHECK(cv::countNonZero(line_only & (gray < 128)) < 0.15 * line_px);
    CHECK(cv::countNonZero(type & (gray == 0)) > 0.99 * type_px);
}

TEST_CASE("short strokes and thick bars are not rules") {
    cv::Mat binary = heading();
    binary(cv::Rect(100, 150, 2 * kCh, 2)).setTo(0);    // a dash two letters long
    binary(cv::Rect(200, 140, 20 * kCh, 12)).setTo(0);  // a black bar
    const cv::Mat before = binary.clone();
    cv::Mat gray = binary.clone();
    CHECK(remove_underlines(binary, gray, kCh, UnderlineParams{}).empty());
    CHECK(cv::countNonZero(binary != before) == 0);
}
