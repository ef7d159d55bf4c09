// The review tests' folder; see review_fixture.hpp.
#include "review_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "scanfix/core/layout.hpp"
#include "scanfix/emit/formats.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;

namespace scanfix::test {

Page review_sample_page(const std::string& scan, float confidence) {
    Page page;
    page.source = scan;
    page.image = cv::Mat(300, 400, CV_8UC1, cv::Scalar(255));
    page.gray = page.image;
    page.binary = page.image;
    Line a;
    a.box = {20, 20, 360, 30};
    a.paragraph = 0;
    a.words = {Word{"Слушали", {20, 20, 100, 30}, confidence},
               Word{"сообшение", {130, 20, 130, 30}, confidence},
               Word{"секретаря", {270, 20, 110, 30}, 40}};
    Line margin;
    margin.box = {370, 100, 25, 20};
    margin.paragraph = 1;
    margin.words = {Word{"вд", {370, 100, 25, 20}, 30}};
    Line b;
    b.box = {20, 150, 300, 30};
    b.paragraph = 2;
    b.words = {Word{"Постановили:", {20, 150, 160, 30}, confidence},
               Word{"принять", {190, 150, 100, 30}, confidence},
               Word{"17", {300, 150, 20, 30}, 50}};
    page.lines = {a, margin, b};
    page.replace_word(0, 1, "сообщение", "lexicon", "known word one letter away");
    page.remove_line(1, "margin_column", "stacked short tokens (margin column)");
    page.remove_word(2, 2, "marginalia", "number outside the text column (folio)");
    return page;
}

ReviewFixture make_review_folder(const std::string& tag) {
    ReviewFixture f;
    f.root = temp_dir(tag);
    f.out = f.root + "/out";
    f.scans = f.root + "/scans";
    fs::create_directories(f.out + "/box1");
    fs::create_directories(f.scans);
    struct Spec {
        const char* stem;
        float confidence;
    };
    for (const Spec& s : {Spec{"worse", 70}, Spec{"better", 95}, Spec{"box1/deeper", 90}}) {
        const std::string scan = f.scans + "/" + fs::path(s.stem).filename().string() + ".png";
        Page page = review_sample_page(scan, s.confidence);
        cv::Mat picture(300, 400, CV_8UC3, cv::Scalar(240, 240, 235));
        for (const Line& line : page.lines)
            for (const Word& w : line.words)
                cv::rectangle(picture, w.box, cv::Scalar(40, 40, 40), -1);
        cv::imwrite(scan, picture);
        Document doc{page};
        std::ofstream(f.out + "/" + s.stem + ".json") << to_json(doc);
        std::ofstream(f.out + "/" + s.stem + ".txt") << render_text(doc, Layout::Diplomatic);
    }
    return f;
}

}  // namespace scanfix::test
