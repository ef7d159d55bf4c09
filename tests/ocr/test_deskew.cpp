// Deskew: a page drawn at a known angle is measured to 0.1° and straightened.
#include <catch2/catch.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/deskew.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

TEST_CASE("skew of drawn text lines is measured to a tenth of a degree") {
    cv::Mat page = draw_text_page();
    for (double angle : {3.7, -2.3, 0.0, 8.9}) {
        cv::Mat skewed = skew_page(page, angle);
        cv::Mat binary;
        cv::threshold(skewed, binary, 128, 255, cv::THRESH_BINARY);
        int ch = estimate_character_height(binary, 200);
        SkewEstimate est = estimate_skew(binary, ch, DeskewParams{});
        INFO("drawn at " << angle << " degrees");
        CHECK(est.points > 0);
        CHECK(est.degrees == Approx(angle).margin(0.1));
    }
}

TEST_CASE("a page border at another angle does not pull the skew") {
    cv::Mat page = skew_page(draw_text_page(), 2.0);
    // A thick dark frame drawn straight, as a scanner lid edge would be.
    cv::rectangle(page, {20, 20, page.cols - 40, page.rows - 40}, cv::Scalar(0), 12);
    cv::Mat binary;
    cv::threshold(page, binary, 128, 255, cv::THRESH_BINARY);
    SkewEstimate est = estimate_skew(binary, estimate_character_height(binary, 200), {});
    CHECK(est.degrees == Approx(2.0).margin(0.1));
}

TEST_CASE("preprocessing straightens a skewed page") {
    Page page;
    page.dpi = 200;
    page.image = skew_page(draw_text_page(), 3.7);
    preprocess_page(page, Context{});
    CHECK(page.skew_degrees == Approx(3.7).margin(0.1));
    REQUIRE(page.binary.type() == CV_8UC1);
    CHECK(page.binary.size() == page.gray.size());
    SkewEstimate after =
        estimate_skew(page.binary, estimate_character_height(page.binary, 200), {});
    CHECK(after.degrees == Approx(0.0).margin(0.1));
    bool logged = false;
    for (const auto& e : page.log) logged = logged || e.stage == "deskew";
    CHECK(logged);
}

TEST_CASE("rotated boxes follow the page") {
    cv::Size size;
    cv::Mat m = deskew_transform({1000, 800}, 5.0, &size);
    CHECK(size.width > 1000);
    CHECK(size.height > 800);
    cv::Rect centre = rotate_box({490, 390, 20, 20}, m);
    CHECK(std::abs(centre.x + centre.width / 2 - size.width / 2) <= 2);
    CHECK(std::abs(centre.y + centre.height / 2 - size.height / 2) <= 2);
}
