// Illumination flattening and binarisation: shading does not turn into black areas, text stays.
#include <catch2/catch.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
// The page darkened from left (paper white) to right (deep shadow, a quarter of the light),
// with a yellowish vignette: the shape of a binding shadow on a photographed page.
cv::Mat shaded(const cv::Mat& page) {
    cv::Mat out(page.size(), CV_8UC1);
    for (int y = 0; y < page.rows; ++y)
        for (int x = 0; x < page.cols; ++x) {
            double light = 1.0 - 0.75 * double(x) / page.cols;
            light *= 1.0 - 0.25 * std::abs(double(y) / page.rows - 0.5);
            out.at<uchar>(y, x) = cv::saturate_cast<uchar>(page.at<uchar>(y, x) * light);
        }
    return out;
}
}  // namespace

TEST_CASE("a strongly shaded page binarises without black areas") {
    cv::Mat clean = draw_text_page();
    cv::Mat page = shaded(clean);
    // The test is only meaningful if a global threshold fails on this page.
    cv::Mat otsu;
    cv::threshold(page, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    REQUIRE(largest_black_area(otsu) > 50000);

    Page p;
    p.dpi = 200;
    p.image = page;
    preprocess_page(p, Context{});
    CHECK(largest_black_area(p.binary) < 2000);
    // Roughly the drawn amount of ink survives, none of the shadow.
    cv::Mat clean_binary = clean < 128;
    double drawn = double(cv::countNonZero(clean_binary)) / clean.total();
    CHECK(ink_share(p.binary) > 0.6 * drawn);
    CHECK(ink_share(p.binary) < 1.6 * drawn);
}

TEST_CASE("each binarisation method keeps the text of a flattened page") {
    cv::Mat page = shaded(draw_text_page());
    IlluminationParams ip;
    cv::Mat flat = divide_background(page, estimate_paper_background(page, 200, ip));
    for (const char* method : {"sauvola", "wolf", "otsu"}) {
        BinarizeParams bp;
        bp.method = method;
        cv::Mat binary = binarize(flat, bp, 20);
        INFO(method);
        CHECK(largest_black_area(binary) < 2000);
        CHECK(ink_share(binary) > 0.02);
    }
}

TEST_CASE("grey conversion accepts grey, BGR and BGRA and rejects the rest") {
    CHECK(to_gray(cv::Mat(4, 4, CV_8UC3, cv::Scalar(10, 20, 30))).type() == CV_8UC1);
    CHECK(to_gray(cv::Mat(4, 4, CV_8UC4, cv::Scalar(10, 20, 30, 255))).type() == CV_8UC1);
    CHECK(to_gray(cv::Mat(4, 4, CV_8UC1, cv::Scalar(7))).at<uchar>(0, 0) == 7);
    CHECK_THROWS_AS(to_gray(cv::Mat(4, 4, CV_16UC1)), InputError);
    CHECK_THROWS_AS(to_gray(cv::Mat()), InputError);
}
