// Colour-ink separation: a violet stamp over black type is faded, the type under it stays.
#include <catch2/catch.hpp>

#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/color_separation.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;
using namespace scanfix::test;

namespace {
// Ink of colour `ink` (BGR) printed on yellowed paper where `text` is dark; coloured ink
// multiplies with what is under it, as stamp ink on type does.
cv::Mat print(const cv::Mat& text, cv::Vec3b ink, cv::Mat page = {}) {
    if (page.empty()) page = cv::Mat(text.size(), CV_8UC3, cv::Scalar(175, 222, 238));
    for (int y = 0; y < text.rows; ++y)
        for (int x = 0; x < text.cols; ++x) {
            double cover = 1.0 - text.at<uchar>(y, x) / 255.0;
            cv::Vec3b& px = page.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                px[c] = cv::saturate_cast<uchar>(px[c] * (1 - cover + cover * ink[c] / 255.0));
        }
    return page;
}

Profile no_deskew() {
    return Profile::parse("preprocess:\n  deskew:\n    enabled: false\n", "test.yaml");
}

// A worn blue ribbon on a page of `size` typed in `column`: every other band of lines prints
// dark, the others blue, so the typing as a whole is not coloured; a red stamp `stamp` over it.
struct WornRibbon {
    cv::Mat page, blue, stamp;  // the printed page; the blue type and the stamp (0 = ink)
};
WornRibbon worn_blue_ribbon(cv::Size size, cv::Rect column, cv::Point stamp_at, int radius) {
    const cv::Mat text = draw_text_page(size, column);
    cv::Mat dark = text.clone();
    WornRibbon w;
    w.blue = cv::Mat(text.size(), CV_8UC1, cv::Scalar(255));
    const int band = 60;
    for (int y = 0; y < text.rows; y += 2 * band) {
        const cv::Rect r(0, y, text.cols, std::min(band, text.rows - y));
        text(r).copyTo(w.blue(r));
        dark(r).setTo(255);
    }
    w.stamp = cv::Mat(text.size(), CV_8UC1, cv::Scalar(255));
    cv::circle(w.stamp, stamp_at, radius, cv::Scalar(0), 12);
    w.page = print(dark, {40, 40, 40});
    w.page = print(w.blue, {190, 80, 30}, w.page);   // blue
    w.page = print(w.stamp, {40, 40, 200}, w.page);  // red
    return w;
}
}  // namespace

TEST_CASE("a violet stamp over black type is faded and the type survives") {
    cv::Mat text = draw_text_page({900, 700}, {60, 40, 780, 620});
    // A round stamp with a filled centre over several lines of type.
    cv::Mat stamp(text.size(), CV_8UC1, cv::Scalar(255));
    cv::Point centre(450, 330);
    cv::circle(stamp, centre, 150, cv::Scalar(0), 14);
    cv::circle(stamp, centre, 60, cv::Scalar(0), cv::FILLED);
    cv::Mat page = print(text, {0, 0, 0});
    page = print(stamp, {160, 40, 110}, page);  // violet

    Profile profile = no_deskew();
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = 200;
    p.image = page;
    preprocess_page(p, ctx);
    REQUIRE(p.binary.size() == text.size());

    int stamp_only = 0, stamp_only_black = 0, crossing = 0, crossing_black = 0;
    for (int y = 0; y < text.rows; ++y)
        for (int x = 0; x < text.cols; ++x) {
            bool is_stamp = stamp.at<uchar>(y, x) < 64, is_type = text.at<uchar>(y, x) < 64;
            bool black = p.binary.at<uchar>(y, x) == 0;
            if (is_stamp && text.at<uchar>(y, x) == 255) stamp_only++, stamp_only_black += black;
            if (is_stamp && is_type) crossing++, crossing_black += black;
        }
    REQUIRE(stamp_only > 1000);
    REQUIRE(crossing > 100);
    CHECK(stamp_only_black < 0.02 * stamp_only);
    CHECK(crossing_black > 0.85 * crossing);

    bool stamp_region = false;
    for (const auto& r : p.regions)
        stamp_region = stamp_region || (r.kind == RegionKind::Stamp && r.box.contains(centre));
    CHECK(stamp_region);
}

TEST_CASE("type in a coloured ribbon is not faded") {
    cv::Mat text = draw_text_page({600, 400}, {40, 30, 520, 340});
    cv::Mat page = print(text, {150, 50, 90});  // the whole page typed in violet
    ColoredInk ink = find_colored_ink(page, 200, ColorSeparationParams{});
    CHECK(ink.typing_is_colored);

    Profile profile = no_deskew();
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = 200;
    p.image = page;
    preprocess_page(p, ctx);
    cv::Mat drawn = text < 64;
    CHECK(cv::countNonZero(p.binary == 0) > 0.7 * cv::countNonZero(drawn));
}

TEST_CASE("grey pages have no coloured ink") {
    cv::Mat grey = draw_text_page({300, 200}, {10, 10, 280, 180});
    ColoredInk ink = find_colored_ink(grey, 200, ColorSeparationParams{});
    CHECK(ink.mask.empty());
    CHECK(ink.stamps.empty());
}

namespace {
// Type as a real ribbon leaves it: a neutral dark grey laid over the paper (a mix, not a
// product with the paper colour), with the faint colour fringes of a JPEG scan.
// `paper` is the colour of the sheet at each pixel.
cv::Mat type_on_sheet(const cv::Mat& text, const cv::Mat& paper_image) {
    cv::Mat page = paper_image.clone();
    cv::RNG rng(7);
    for (int y = 0; y < text.rows; ++y)
        for (int x = 0; x < text.cols; ++x) {
            double cover = 1.0 - text.at<uchar>(y, x) / 255.0;
            cv::Vec3b& px = page.at<cv::Vec3b>(y, x);
            const cv::Vec3b paper = paper_image.at<cv::Vec3b>(y, x);
            for (int c = 0; c < 3; ++c)
                px[c] = cv::saturate_cast<uchar>((1 - cover) * paper[c] + cover * 55 +
                                                 rng.uniform(-4, 5));
        }
    return page;
}
cv::Mat type_on(const cv::Mat& text, cv::Vec3b paper) {
    return type_on_sheet(text,
                         cv::Mat(text.size(), CV_8UC3, cv::Scalar(paper[0], paper[1], paper[2])));
}
}  // namespace

TEST_CASE("black type on strongly yellowed paper is not taken for coloured ink") {
    cv::Mat text = draw_text_page({900, 700}, {60, 40, 780, 620});
    cv::Mat page = type_on(text, {110, 225, 245});
    ColoredInk ink = find_colored_ink(page, 200, ColorSeparationParams{});
    CHECK(ink.share_of_ink < 0.02);
    CHECK(ink.stamps.empty());

    Profile profile = no_deskew();
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = 200;
    p.image = page;
    preprocess_page(p, ctx);
    cv::Mat drawn = text < 64;
    CHECK(cv::countNonZero(drawn & (p.binary == 0)) > 0.9 * cv::countNonZero(drawn));
}

TEST_CASE("the pale parts of a stamp go with its strong parts") {
    cv::Mat text = draw_text_page({900, 700}, {60, 40, 780, 620});
    cv::Mat page = type_on(text, {200, 230, 238});
    // A red stamp ring whose right half is printed with a third of the ink.
    cv::Mat strong(text.size(), CV_8UC1, cv::Scalar(255)), pale = strong.clone();
    cv::Point centre(450, 330);
    cv::ellipse(strong, centre, {150, 150}, 0, 90, 270, cv::Scalar(0), 12);
    cv::ellipse(pale, centre, {150, 150}, 0, -90, 90, cv::Scalar(170), 12);
    page = print(strong, {60, 50, 200}, page);
    page = print(pale, {60, 50, 200}, page);

    Profile profile = no_deskew();
    Context ctx;
    ctx.profile = &profile;
    Page p;
    p.dpi = 200;
    p.image = page;
    preprocess_page(p, ctx);
    cv::Mat pale_only = (pale < 255) & (text == 255);
    REQUIRE(cv::countNonZero(pale_only) > 1000);
    cv::Mat left_dark = pale_only & (p.gray < 200);
    CHECK(cv::countNonZero(left_dark) < 0.05 * cv::countNonZero(pale_only));
}

TEST_CASE("type on paper whose tint changes across the sheet is not coloured ink") {
    // Neutral paper on the left turning yellow on the right, as under the light of a photo.
    cv::Mat text = draw_text_page({900, 700}, {60, 40, 780, 620});
    cv::Mat paper(text.size(), CV_8UC3);
    for (int x = 0; x < paper.cols; ++x) {
        const double t = double(x) / (paper.cols - 1);
        paper.col(x).setTo(cv::Scalar(230 - 120 * t, 230, 230 + 15 * t));
    }
    cv::Mat page = type_on_sheet(text, paper);
    ColoredInk plain = find_colored_ink(page, 200, ColorSeparationParams{});
    CHECK(plain.share_of_ink < 0.02);
    CHECK(plain.stamps.empty());

    // A violet stamp on the yellow side is still found.
    cv::Mat stamp(text.size(), CV_8UC1, cv::Scalar(255));
    cv::circle(stamp, {650, 350}, 110, cv::Scalar(0), 12);
    page = print(stamp, {160, 40, 110}, page);
    ColoredInk stamped = find_colored_ink(page, 200, ColorSeparationParams{});
    REQUIRE(stamped.stamps.size() == 1);
    CHECK((stamped.stamps[0] & cv::Rect(540, 240, 220, 220)).area() > 0.8 * 220 * 220);
}

TEST_CASE("violet typing beside a large black mark is the typing's colour, not a stamp") {
    // Half the page is a dark neutral mark (a shadow, a black drawing): most of the ink on the
    // page is neutral, but the typed lines are violet, and they are kept.
    cv::Mat text = draw_text_page({900, 700}, {40, 30, 380, 640});
    cv::Mat page = print(text, {150, 50, 90});
    cv::rectangle(page, cv::Rect(480, 40, 380, 600), cv::Scalar(40, 40, 40), cv::FILLED);
    ColoredInk ink = find_colored_ink(page, 200, ColorSeparationParams{});
    CHECK(ink.share_of_ink < 0.5);
    CHECK(ink.share_of_typing > 0.5);
    CHECK(ink.typing_is_colored);
    const cv::Mat drawn = text < 64;
    const int faded = ink.mask.empty() ? 0 : cv::countNonZero(ink.mask & drawn);
    CHECK(faded < 0.02 * cv::countNonZero(drawn));
}

TEST_CASE("typing partly blue and partly dark loses none of its letters; a stamp aside is faded") {
    // The blue lines are still typing. A red stamp away from the text is faded as before.
    const WornRibbon w = worn_blue_ribbon({1400, 800}, {40, 30, 560, 740}, {1200, 400}, 110);
    ColoredInk ink = find_colored_ink(w.page, 200, ColorSeparationParams{});
    CHECK_FALSE(ink.typing_is_colored);
    REQUIRE_FALSE(ink.mask.empty());
    const cv::Mat blue_type = w.blue < 64, red = w.stamp < 64;
    REQUIRE(cv::countNonZero(blue_type) > 1000);
    // (Dots and strokes too small to be letters may still go: without the rule all of it went.)
    CHECK(cv::countNonZero(ink.mask & blue_type) < 0.1 * cv::countNonZero(blue_type));
    CHECK(cv::countNonZero(ink.mask & red) > 0.8 * cv::countNonZero(red));
}

TEST_CASE("typing partly blue keeps its letters under a red stamp; the stamp is faded") {
    // The stamp struck over the typed lines: within its reach only ink of its own colour goes.
    const WornRibbon w = worn_blue_ribbon({900, 800}, {40, 30, 820, 740}, {450, 400}, 150);
    ColoredInk ink = find_colored_ink(w.page, 200, ColorSeparationParams{});
    CHECK_FALSE(ink.typing_is_colored);
    REQUIRE_FALSE(ink.mask.empty());
    REQUIRE_FALSE(ink.stamps.empty());
    // Blue letters clear of the stamp's ring, within its reach.
    cv::Mat ring_zone = cv::Mat::zeros(w.blue.size(), CV_8UC1);
    cv::circle(ring_zone, {450, 400}, 150, cv::Scalar(255), 40);
    const cv::Mat blue_type = (w.blue < 64) & ~ring_zone, red = w.stamp < 64;
    REQUIRE(cv::countNonZero(blue_type) > 1000);
    CHECK(cv::countNonZero(ink.mask & blue_type) < 0.1 * cv::countNonZero(blue_type));
    CHECK(cv::countNonZero(ink.mask & red) > 0.8 * cv::countNonZero(red));
}
