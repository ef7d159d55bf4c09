// Tesseract through the Recognizer interface: words, boxes, confidences and lines land in the
// page model; a missing language is an OcrError, not a crash.
#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "test_languages.hpp"

using namespace scanfix;

TEST_CASE("Tesseract fills lines and words with boxes and confidences") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    Page page;
    page.image = cv::Mat(260, 900, CV_8UC1, cv::Scalar(255));
    cv::putText(page.image, "HELLO WORLD", {40, 90}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0),
                4);
    cv::putText(page.image, "SECOND LINE", {40, 200}, cv::FONT_HERSHEY_SIMPLEX, 2.0, cv::Scalar(0),
                4);
    OcrParams params;
    params.lang = "eng";
    params.input = "original";
    TesseractRecognizer rec(params);
    rec.recognize(page);
    REQUIRE(page.lines.size() == 2);
    CHECK(page.lines[0].text() == "HELLO WORLD");
    CHECK(page.lines[1].text() == "SECOND LINE");
    const Word& hello = page.lines[0].words.at(0);
    CHECK(hello.box.x >= 30);
    CHECK(hello.box.x < 60);
    CHECK(hello.box.y < 90);
    CHECK(hello.confidence > 50);
    CHECK(page.lines[1].box.y > page.lines[0].box.y);
}

TEST_CASE("a blank page gives no lines") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    Page page;
    page.image = cv::Mat(200, 200, CV_8UC1, cv::Scalar(255));
    OcrParams params;
    params.lang = "eng";
    TesseractRecognizer rec(params);
    rec.recognize(page);
    CHECK(page.lines.empty());
}

TEST_CASE("a language that is not installed is a clear OcrError") {
    OcrParams params;
    params.lang = "xyz";
    try {
        TesseractRecognizer rec(params);
        FAIL("expected OcrError");
    } catch (const OcrError& e) {
        CHECK(std::string(e.what()).find("'xyz' is not installed") != std::string::npos);
    }
    params.lang = "rus; rm -rf";
    CHECK_THROWS_AS(TesseractRecognizer(params), ConfigError);
}

TEST_CASE("words keep the other readings Tesseract considered") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    // Faint, blurred type leaves the recogniser in doubt about some letters.
    Page page;
    page.image = cv::Mat(200, 1400, CV_8UC1, cv::Scalar(255));
    cv::putText(page.image, "modern cl1ent rn0dest letter", {30, 120}, cv::FONT_HERSHEY_SIMPLEX,
                1.6, cv::Scalar(120), 2);
    cv::GaussianBlur(page.image, page.image, {0, 0}, 2.2);
    OcrParams params;
    params.lang = "eng";
    params.input = "original";
    TesseractRecognizer rec(params);
    rec.recognize(page);
    int with_alternatives = 0;
    for (const Line& l : page.lines)
        for (const Word& w : l.words)
            for (const Alternative& a : w.alternatives) {
                ++with_alternatives;
                CHECK(a.text != w.text);
                CHECK(a.confidence >= 5);
                CHECK(a.confidence <= 100);
            }
    CHECK(with_alternatives > 0);

    params.alternatives = false;
    TesseractRecognizer plain(params);
    Page again;
    again.image = page.image;
    plain.recognize(again);
    for (const Line& l : again.lines)
        for (const Word& w : l.words) CHECK(w.alternatives.empty());
}

TEST_CASE("a word-final comma's glyph reaches further below the baseline than a full stop's") {
    REQUIRE_TESSERACT_LANGUAGE("eng");
    Page page;
    page.image = cv::Mat(300, 1500, CV_8UC1, cv::Scalar(255));
    cv::putText(page.image, "Yes, one. Two, three. Four, five.", {40, 110},
                cv::FONT_HERSHEY_SIMPLEX, 1.8, cv::Scalar(0), 3);
    cv::putText(page.image, "Six, seven. Eight, nine. Ten, more.", {40, 230},
                cv::FONT_HERSHEY_SIMPLEX, 1.8, cv::Scalar(0), 3);
    OcrParams params;
    params.lang = "eng";
    params.input = "original";
    TesseractRecognizer rec(params);
    rec.recognize(page);
    float deepest_stop = -10, shallowest_comma = 10;
    int stops = 0, commas = 0;
    for (const Line& l : page.lines)
        for (const Word& w : l.words) {
            const char last = w.text.back();
            if (last != ',' && last != '.') {
                CHECK_FALSE(w.mark_drop.has_value());
                continue;
            }
            REQUIRE(w.mark_drop.has_value());
            if (last == '.') deepest_stop = std::max(deepest_stop, *w.mark_drop), ++stops;
            if (last == ',') shallowest_comma = std::min(shallowest_comma, *w.mark_drop), ++commas;
        }
    REQUIRE(stops >= 4);
    REQUIRE(commas >= 4);
    CHECK(shallowest_comma > deepest_stop + 0.1f);
}
