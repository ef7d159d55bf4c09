// Perspective: a sheet photographed at an angle on a dark table is found and straightened;
// scans without a visible sheet edge are left alone.
#include <catch2/catch.hpp>

#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/perspective.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

TEST_CASE("a photographed sheet is found and warped upright") {
    cv::Mat sheet = draw_text_page({900, 1200}, {100, 100, 700, 1000});
    std::array<cv::Point2f, 4> from = {cv::Point2f(0, 0), cv::Point2f(899, 0),
                                       cv::Point2f(899, 1199), cv::Point2f(0, 1199)};
    std::array<cv::Point2f, 4> to = {cv::Point2f(180, 120), cv::Point2f(1020, 160),
                                     cv::Point2f(1080, 1330), cv::Point2f(130, 1290)};
    cv::Mat m = cv::getPerspectiveTransform(from.data(), to.data());
    cv::Mat photo;
    cv::warpPerspective(sheet, photo, m, {1200, 1450}, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                        cv::Scalar(50));

    SheetQuad quad = find_sheet(photo, PerspectiveParams{});
    REQUIRE(quad.found);
    for (int i = 0; i < 4; ++i) {
        INFO("corner " << i);
        CHECK(std::hypot(quad.corners[i].x - to[i].x, quad.corners[i].y - to[i].y) < 15);
    }
    cv::Mat upright = warp_sheet(photo, quad);
    // Edge lengths give the proportions only roughly (foreshortening), but the text lines must
    // come out level.
    CHECK(double(upright.cols) / upright.rows == Approx(900.0 / 1200.0).epsilon(0.1));
    cv::Mat binary = upright >= 128;
    CHECK(std::abs(estimate_skew(binary, 20, DeskewParams{}).degrees) < 0.3);

    Page p;
    p.dpi = 200;
    p.image = photo;
    preprocess_page(p, Context{});
    CHECK(std::abs(p.binary.cols - upright.cols) < 0.05 * upright.cols);
    bool logged = false;
    for (const auto& e : p.log) logged = logged || e.stage == "perspective";
    CHECK(logged);
}

TEST_CASE("a scan filling the image is not warped") {
    cv::Mat page = draw_text_page();
    CHECK_FALSE(find_sheet(page, PerspectiveParams{}).found);
    // Dark scanner lid on two sides only: a border, not a photographed sheet.
    cv::rectangle(page, {0, 0, 60, page.rows}, cv::Scalar(20), cv::FILLED);
    cv::rectangle(page, {0, page.rows - 60, page.cols, 60}, cv::Scalar(20), cv::FILLED);
    CHECK_FALSE(find_sheet(page, PerspectiveParams{}).found);
}
