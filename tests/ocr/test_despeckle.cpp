// Despeckle: dust goes, the dots of «ё», punctuation and letters stay.
#include <catch2/catch.hpp>

#include "scanfix/ocr/despeckle.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

TEST_CASE("specks are removed but the dots of an «ё» and a full stop are kept") {
    cv::Mat page = draw_text_page({800, 400}, {60, 40, 680, 320});
    cv::Mat binary = page >= 128;  // text 0
    const int ch = 20;
    // An «ё»: the letter body with two round dots just above it.
    cv::Point e(300, 340);
    cv::putText(binary, "e", e, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0), kStroke);
    cv::Point dot1(e.x + 4, e.y - 20), dot2(e.x + 13, e.y - 20);
    cv::circle(binary, dot1, 2, cv::Scalar(0), cv::FILLED);
    cv::circle(binary, dot2, 2, cv::Scalar(0), cv::FILLED);
    // A full stop right after a word.
    cv::putText(binary, "end", {420, 340}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                kStroke);
    cv::Point stop(475, 338);
    cv::circle(binary, stop, 2, cv::Scalar(0), cv::FILLED);
    // Dust: single pixels between the lines, and isolated dots far out in the margin.
    std::vector<cv::Point> dust = {{30, 30}, {770, 20}, {20, 380}, {780, 390}, {500, 366}};
    for (auto p : dust) binary.at<uchar>(p) = 0;
    std::vector<cv::Point> margin_dots = {{25, 200}, {780, 150}};
    for (auto p : margin_dots) cv::circle(binary, p, 2, cv::Scalar(0), cv::FILLED);
    const int letters_before = cv::countNonZero(binary(cv::Rect(60, 40, 680, 280)) == 0);

    auto removed = despeckle(binary, ch, DespeckleParams{});
    for (auto p : dust) CHECK(binary.at<uchar>(p) == 255);
    for (auto p : margin_dots) CHECK(binary.at<uchar>(p) == 255);
    CHECK(binary.at<uchar>(dot1) == 0);
    CHECK(binary.at<uchar>(dot2) == 0);
    CHECK(binary.at<uchar>(stop) == 0);
    CHECK(removed.size() >= dust.size() + margin_dots.size());
    // The drawn words lose nothing.
    CHECK(cv::countNonZero(binary(cv::Rect(60, 40, 680, 280)) == 0) == letters_before);
}

TEST_CASE("isolated marks of letter size are kept, smaller ones only with a lower limit") {
    cv::Mat binary(200, 200, CV_8UC1, cv::Scalar(255));
    cv::rectangle(binary, {100, 100, 3, 14}, cv::Scalar(0), cv::FILLED);  // a lone "l"
    cv::circle(binary, {40, 40}, 2, cv::Scalar(0), cv::FILLED);           // a lone dot
    DespeckleParams p;
    despeckle(binary, 20, p);
    CHECK(binary.at<uchar>(107, 101) == 0);
    CHECK(binary.at<uchar>(40, 40) == 255);

    cv::circle(binary, {40, 40}, 2, cv::Scalar(0), cv::FILLED);
    p.min_size = 0.05;
    p.dot_size = 0.1;  // the dot now counts as a mark of its own
    despeckle(binary, 20, p);
    CHECK(binary.at<uchar>(40, 40) == 0);
}
