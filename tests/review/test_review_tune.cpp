// The loop closes: three generated pages are read by `scanfix run`, reviewed (a removed item
// restored and a doubtful word corrected on each, saved by the review library as the server
// saves them), and `scanfix tune --gt` takes the reviewed folder as it is and writes a profile.
// Needs Tesseract's rus data; skipped without it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "page_generator.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/page_summary.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_save.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

namespace {

// Three short pages (quick to recognise) of a made-up report.
std::vector<std::string> make_scans(const std::string& dir) {
    samples::PageSettings s;
    s.dpi = 150;
    s.height_mm = 100;
    s.top_mm = 14;
    s.bottom_mm = 10;
    s.seed = 1953;
    s.noise = samples::NoiseSettings::preset(samples::NoiseLevel::Light);
    s.noise.margin_pairs_min = s.noise.margin_pairs_max = 4;
    s.noise.stamp = false;
    std::vector<std::string> paragraphs =
        samples::read_paragraphs(test::source_dir() + "/samples/texts/report.txt");
    std::vector<samples::GeneratedPage> pages = samples::generate_document(paragraphs, s);
    REQUIRE(pages.size() >= 3);
    pages.resize(3);
    samples::OutputSettings out;
    out.format = "png";
    std::vector<std::string> images;
    for (const std::string& path : samples::write_document(pages, dir, "page", out)) {
        // Only the scans stay: the references are what the reviewer makes.
        images.push_back(path);
        const std::string stem = (fs::path(path).parent_path() / fs::path(path).stem()).string();
        for (const char* ext : {".gt.txt", ".lines.gt.txt", ".noise.json"}) fs::remove(stem + ext);
    }
    return images;
}

// What a reviewer does on each page: restores the first removed item, corrects the first
// doubtful word, marks the page reviewed.
int review_all(const std::string& out) {
    review::ReviewFolder folder(out);
    int saved = 0;
    for (const review::PageFiles& files : folder.pages()) {
        auto pages = review::read_ocr_pages(files.json);
        review::ReviewState previous = review::load_review_state(folder, files, pages);
        review::ReviewState update;
        update.reviewed = true;
        bool restored = false, corrected = false;
        for (size_t l = 0; l < pages[0].lines.size(); ++l) {
            const review::OcrLine& line = pages[0].lines[l];
            for (size_t w = 0; w < line.words.size(); ++w) {
                const review::OcrWord& word = line.words[w];
                const review::WordRef at{0, int(l), int(w)};
                if (!restored && !review::kept_in_ocr(line, word) && !word.text.empty()) {
                    update.words.push_back({at, word.text, true, true});
                    update.decisions.push_back(
                        {"", "restored", 0, int(l), int(w), "", word.text, word.removal});
                    restored = true;
                } else if (!corrected && review::is_doubtful(line, word, 75)) {
                    update.words.push_back({at, word.text + "ъ", true, true});
                    update.decisions.push_back(
                        {"", "corrected", 0, int(l), int(w), word.text, word.text + "ъ", ""});
                    corrected = true;
                }
            }
        }
        CHECK((restored || corrected));
        std::sort(
            update.words.begin(), update.words.end(),
            [](const review::WordVerdict& a, const review::WordVerdict& b) { return a.at < b.at; });
        review::save_review(files, pages, previous, update);
        ++saved;
    }
    return saved;
}

}  // namespace

TEST_CASE("scanfix tune --gt takes three reviewed pages as they are and writes a profile") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    const std::string root = test::temp_dir("review-tune");
    const std::string scans = root + "/scans", out = root + "/out";
    fs::create_directories(scans);
    std::vector<std::string> images = make_scans(scans);
    const std::string scanfix = test::binary_dir() + "/tools/scanfix/scanfix";
    std::string cmd = "'" + scanfix + "' run -o '" + out + "' -f txt,json,alto --layout diplomatic";
    for (const std::string& image : images) cmd += " '" + image + "'";
    std::string err;
    REQUIRE(test::run_command(cmd, nullptr, &err) == 0);
    REQUIRE(review_all(out) == 3);
    for (const char* stem : {"page-p1", "page-p2", "page-p3"}) {
        INFO(stem);
        CHECK(fs::exists(out + "/" + stem + ".gt.txt"));
        CHECK(fs::exists(out + "/" + stem + ".gt.alto.xml"));
        CHECK(fs::exists(out + "/" + stem + ".review.json"));
    }

    const std::string profile = root + "/tuned.yaml", report = root + "/tune.json";
    const int code = test::run_command("'" + scanfix + "' tune --images '" + scans + "' --gt '" +
                                           out + "' -o '" + profile + "' --report '" + report +
                                           "' --only cleanup. --holdout 0.34 --time-limit 20",
                                       nullptr, &err);
    INFO(err);
    REQUIRE(code == 0);
    CHECK(err.find("training on 2 page(s)") != std::string::npos);
    CHECK(err.find("1 held out") != std::string::npos);
    CHECK(err.find("no reference") == std::string::npos);

    Profile tuned = Profile::load(profile, test::source_dir() + "/profiles");
    CHECK_NOTHROW(validate_profile(tuned, pipeline_param_specs()));
    auto r = nlohmann::json::parse(test::slurp(report));
    CHECK(r["train_pages"].size() == 2);
    CHECK(r["holdout_pages"].size() == 1);
    // The references are the reviewed texts: the default profile's reading, which is the
    // batch's, differs from them by the reviewer's corrections (against the OCR's own text,
    // or against its ALTO, the error would be 0).
    CHECK(r["cer"]["train"]["before"].get<double>() > 0);
}
