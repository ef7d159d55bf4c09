// Faint specks: pale dust on clean paper goes from both pages; dark punctuation, pale pieces
// inside a letter and pale marks in the grey haze of faint type stay.
#include <catch2/catch.hpp>

#include "scanfix/ocr/faint_specks.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

TEST_CASE("a pale dot on clean paper is dust; a dark full stop and pale letter parts stay") {
    cv::Mat gray = draw_text_page({800, 400}, {60, 40, 680, 320});
    const int ch = 20;
    cv::putText(gray, "end", {420, 370}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                kStroke);
    const cv::Point stop(475, 368), dust(520, 366), inside(432, 362), hazy(650, 368);
    cv::circle(gray, stop, 2, cv::Scalar(10), cv::FILLED);   // a typed full stop
    cv::circle(gray, dust, 2, cv::Scalar(190), cv::FILLED);  // pale dust on white paper
    gray.at<uchar>(inside) = 190;                            // a pale speck within "e"
    // A pale dot in a grey haze (a faint stroke's blur), not on clean paper.
    cv::circle(gray, hazy, 6, cv::Scalar(215), cv::FILLED);
    cv::circle(gray, hazy, 2, cv::Scalar(180), cv::FILLED);
    cv::Mat binary = gray >= 200;  // text 0 on 255; the haze stays paper

    const InkComponents ink = label_ink(binary);
    std::vector<uint8_t> drop;
    auto found = find_faint_specks(ink, gray, ch, FaintSpeckParams{}, drop);
    auto dropped = [&](cv::Point p) { return drop[ink.labels.at<int>(p)] != 0; };
    CHECK(dropped(dust));
    CHECK_FALSE(dropped(stop));
    CHECK_FALSE(dropped(hazy));
    CHECK(found.size() == 1);

    erase_from_gray(gray, binary, ink, drop, 2);
    CHECK(gray.at<uchar>(dust) == 255);
    CHECK(gray.at<uchar>(stop) == 10);
    CHECK(gray.at<uchar>(hazy) == 180);
}

TEST_CASE("on a page of pale type, marks as pale as the letters stay") {
    cv::Mat gray(200, 400, CV_8UC1, cv::Scalar(255));
    cv::putText(gray, "pale type", {20, 100}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(150),
                kStroke);
    const cv::Point dot(300, 98);
    cv::circle(gray, dot, 2, cv::Scalar(160), cv::FILLED);
    cv::Mat binary = gray >= 200;
    const InkComponents ink = label_ink(binary);
    std::vector<uint8_t> drop;
    find_faint_specks(ink, gray, 20, FaintSpeckParams{}, drop);
    CHECK(drop[ink.labels.at<int>(dot)] == 0);
}
