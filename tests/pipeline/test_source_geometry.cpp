// Emitted boxes are on the source image: a page turned by 3 degrees and photographed at an
// angle on a dark table is read through the pipeline, and the ALTO, hOCR and PAGE boxes must
// lie on the words as drawn on the photo, not on the straightened working image.
#include <catch2/catch.hpp>
#include <opencv2/imgproc.hpp>
#include <regex>

#include "scanfix/core/profile.hpp"
#include "scanfix/emit/formats.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

struct DrawnPage {
    cv::Mat photo;
    std::vector<cv::Rect> words;  // each word's box on the photo
};

// Words of Hershey type on a sheet, turned by `degrees` and then warped onto a darker table
// by a perspective map; the words' corners are carried through both maps.
DrawnPage photographed_page(double degrees) {
    static const char* kWords[] = {"Telegram", "Moscow",  "zone",   "archive", "report",
                                   "signed",   "Berlin",  "copy",   "answer",  "minister",
                                   "Prague",   "session", "letter", "office",  "number"};
    const cv::Size sheet_size(1600, 2200);
    cv::Mat sheet(sheet_size, CV_8UC3, cv::Scalar(235, 240, 240));
    std::vector<std::array<cv::Point2d, 4>> corners;
    int k = 0;
    for (int y = 260; y < 1900; y += 70) {
        int x = 220;
        for (;;) {
            const std::string w = kWords[k % 15];
            int baseline = 0;
            cv::Size s = cv::getTextSize(w, cv::FONT_HERSHEY_SIMPLEX, 1.1, 2, &baseline);
            if (x + s.width > 1380) break;
            cv::putText(sheet, w, {x, y}, cv::FONT_HERSHEY_SIMPLEX, 1.1, cv::Scalar(30, 30, 30), 2,
                        cv::LINE_AA);
            const double x0 = x, y0 = y - s.height, x1 = x + s.width, y1 = y + baseline / 2.0;
            corners.push_back({cv::Point2d(x0, y0), {x1, y0}, {x1, y1}, {x0, y1}});
            x += s.width + 28;
            ++k;
        }
    }
    // Turn the sheet about its centre (counter-clockwise on the image).
    cv::Mat turn = cv::getRotationMatrix2D(cv::Point2f(800, 1100), degrees, 1.0);
    cv::Mat turned;
    cv::warpAffine(sheet, turned, turn, sheet_size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(235, 240, 240));
    // Photograph it: the sheet's corners land on an uneven quadrilateral of a dark table.
    const cv::Size photo_size(2000, 2600);
    const cv::Point2f from[4] = {{0, 0}, {1599, 0}, {1599, 2199}, {0, 2199}};
    const cv::Point2f to[4] = {{190, 170}, {1790, 220}, {1840, 2430}, {150, 2380}};
    cv::Mat persp = cv::getPerspectiveTransform(from, to);
    DrawnPage out;
    cv::warpPerspective(turned, out.photo, persp, photo_size, cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                        cv::Scalar(50, 45, 40));
    const cv::Matx33d rotate(turn.at<double>(0, 0), turn.at<double>(0, 1), turn.at<double>(0, 2),
                             turn.at<double>(1, 0), turn.at<double>(1, 1), turn.at<double>(1, 2), 0,
                             0, 1);
    const cv::Matx33d whole = cv::Matx33d(persp) * rotate;
    for (const auto& c : corners) {
        std::vector<cv::Point2f> mapped;
        for (const cv::Point2d& p : c) {
            cv::Vec3d q = whole * cv::Vec3d(p.x, p.y, 1);
            mapped.emplace_back(float(q[0] / q[2]), float(q[1] / q[2]));
        }
        out.words.push_back(cv::boundingRect(mapped));
    }
    return out;
}

double iou(const cv::Rect& a, const cv::Rect& b) {
    const double inter = (a & b).area();
    return inter / (a.area() + b.area() - inter);
}

// Share of `emitted` boxes whose best overlap with a drawn word reaches 0.5.
double share_on_words(const std::vector<cv::Rect>& emitted, const std::vector<cv::Rect>& drawn) {
    int good = 0;
    for (const cv::Rect& e : emitted) {
        double best = 0;
        for (const cv::Rect& d : drawn) best = std::max(best, iou(e, d));
        good += best >= 0.5;
    }
    return emitted.empty() ? 0 : double(good) / emitted.size();
}

std::vector<cv::Rect> alto_strings(const std::string& xml) {
    std::vector<cv::Rect> out;
    static const std::regex re(
        "<String [^>]*HPOS=\"(\\d+)\" VPOS=\"(\\d+)\" WIDTH=\"(\\d+)\" HEIGHT=\"(\\d+)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator();
         ++it)
        out.emplace_back(std::stoi((*it)[1]), std::stoi((*it)[2]), std::stoi((*it)[3]),
                         std::stoi((*it)[4]));
    return out;
}

std::vector<cv::Rect> hocr_words(const std::string& html) {
    std::vector<cv::Rect> out;
    static const std::regex re("class=\"ocrx_word\"[^>]*title=\"bbox (\\d+) (\\d+) (\\d+) (\\d+)");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator();
         ++it) {
        const int x0 = std::stoi((*it)[1]), y0 = std::stoi((*it)[2]);
        out.emplace_back(x0, y0, std::stoi((*it)[3]) - x0, std::stoi((*it)[4]) - y0);
    }
    return out;
}

}  // namespace

TEST_CASE("boxes of a turned, photographed page are emitted on the photo") {
    if (!missing_language("eng").empty()) {
        WARN("skipped: Tesseract language eng is not installed");
        return;
    }
    const DrawnPage drawn = photographed_page(3.0);
    Profile profile = Profile::load(test::source_dir() + "/profiles/default.yaml",
                                    test::source_dir() + "/profiles");
    profile.set("ocr.lang", "eng");
    profile.set("cleanup.lexicon.language", "eng");
    profile.set_list("cleanup.stages", {});
    Context ctx;
    ctx.data_dir = test::source_dir();
    Pipeline pipeline(profile, ctx);
    Page page;
    page.source = "photo.png";
    page.dpi = 200;
    page.image = drawn.photo;
    page.source_size = drawn.photo.size();
    pipeline.reader()->read(page);
    // Both the sheet and the turn were undone on the working image.
    CHECK(page.to_source != cv::Matx33d::eye());
    CHECK(std::abs(page.skew_degrees) > 2.0);
    const Document doc = {page};

    const std::vector<cv::Rect> alto = alto_strings(to_alto(doc));
    const std::vector<cv::Rect> hocr = hocr_words(to_hocr(doc));
    INFO("drawn words " << drawn.words.size() << ", ALTO " << alto.size() << ", hOCR "
                        << hocr.size());
    CHECK(alto.size() >= 0.8 * drawn.words.size());
    CHECK(hocr.size() == alto.size());
    CHECK(share_on_words(alto, drawn.words) >= 0.95);
    CHECK(share_on_words(hocr, drawn.words) >= 0.95);

    // PAGE keeps the quadrilateral: a word's polygon is not upright on the photo.
    const std::string xml = to_page_xml(page);
    static const std::regex word_coords(
        "<Word [^>]*>\\s*<Coords points=\"(\\d+),(\\d+) (\\d+),(\\d+) ");
    std::smatch m;
    REQUIRE(std::regex_search(xml, m, word_coords));
    CHECK(std::stoi(m[2]) != std::stoi(m[4]));  // top edge slopes
}

TEST_CASE("recognition never writes into the page as loaded") {
    if (!missing_language("eng").empty()) {
        WARN("skipped: Tesseract language eng is not installed");
        return;
    }
    Profile profile;
    profile.set("ocr.lang", "eng");
    profile.set("ocr.input", "original");
    profile.set("cleanup.lexicon.language", "eng");
    PipelineOptions options;
    options.keep_images = true;
    Pipeline pipeline(profile, {}, options);
    Page page;
    page.source = "colour.png";
    page.image = photographed_page(0).photo;
    const cv::Mat before = page.image.clone();
    pipeline.reader()->read(page);
    CHECK(cv::norm(page.image, before, cv::NORM_INF) == 0);
    CHECK_FALSE(page.lines.empty());
}
