// Tuning on a small synthetic archive whose pages share a habit the default profile handles
// badly: each page carries a short column of three stray letter pairs in its margin, fewer than
// the default margin filter takes for a column. Tuned on four pages, the profile must lower the
// CER of the two held-out pages, and the written profile must load and validate. A fake
// recognizer checks the recognition cache and the search over recognition settings.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "page_generator.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "scanfix/tune/report.hpp"
#include "scanfix/tune/tuner.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

namespace {

// Six short pages (fast to recognise) of made-up reports, typed with the archive's habit.
std::string make_archive(const std::string& dir) {
    samples::PageSettings s;
    s.dpi = 150;
    s.height_mm = 105;
    s.top_mm = 14;
    s.bottom_mm = 10;
    s.seed = 1951;
    s.noise = samples::NoiseSettings::preset(samples::NoiseLevel::Light);
    s.noise.margin_pairs_min = s.noise.margin_pairs_max = 3;
    s.noise.stamp = s.noise.registration_number = s.noise.page_number = false;
    std::vector<std::string> paragraphs;
    for (const char* text : {"report.txt", "protocol.txt"})
        for (std::string& p : samples::read_paragraphs(
                 (fs::path(test::source_dir()) / "samples/texts" / text).string()))
            paragraphs.push_back(std::move(p));
    std::vector<samples::GeneratedPage> pages = samples::generate_document(paragraphs, s);
    REQUIRE(pages.size() >= 6);
    pages.resize(6);
    samples::OutputSettings out;
    out.format = "png";
    samples::write_document(pages, dir, "page", out);
    return dir;
}

}  // namespace

TEST_CASE("tune lowers the held-out CER of pages sharing a habit the default misses") {
    if (!missing_language("rus").empty()) {
        WARN("skipped: Tesseract language rus is not installed");
        return;
    }
    const std::string dir = make_archive(test::temp_dir("tune_archive"));
    tune::PageSet set = tune::find_tune_pages(dir, dir);
    REQUIRE(set.pages.size() == 6);
    tune::PageSplit split = tune::split_pages(set.pages, 0.34, 1);
    REQUIRE(split.train.size() == 4);
    REQUIRE(split.holdout.size() == 2);

    const std::string profiles = (fs::path(test::source_dir()) / "profiles").string();
    Profile base = Profile::load("default", profiles);
    Context ctx;
    ctx.profile = &base;
    ctx.data_dir = test::source_dir();
    tune::TuneSettings settings;
    // The cleanup parameters and the page segmentation mode: the whole cleanup search and a
    // few recognitions keep the test under a minute.
    settings.only = {"cleanup."};
    settings.time_limit = 120;  // a guard only; the search converges well before
    tune::TuneResult r = tune::tune_profile(split, base, ctx, settings, tune::tesseract_factory());

    const std::string report = tune::report_markdown(r);
    INFO(report);
    if (std::getenv("SCANFIX_TEST_VERBOSE")) std::cerr << report;
    CHECK(r.train_after < r.train_before);
    CHECK(r.holdout_after < r.holdout_before);
    CHECK_FALSE(r.changes.empty());

    // The profile extends default, sets exactly the changed keys, and validates as run reads it.
    const std::string path = dir + "/tuned.yaml";
    std::ofstream(path) << tune::tuned_profile_yaml(r, "default");
    Profile tuned = Profile::load(path, profiles);
    CHECK_NOTHROW(validate_profile(tuned, pipeline_param_specs()));
    for (const tune::ParameterChange& c : r.changes) {
        const ProfileEntry* e = tuned.find(c.key);
        REQUIRE(e);
        CHECK(e->values.at(0) == c.after);
    }
    // Keys the search did not change come from default.
    CHECK(tuned.find("cleanup.stages") != nullptr);
}

namespace {

// Reads the reference only in page segmentation mode 6; anything else gets a garbled line.
// Counts the pages it is given, to check that each setting is recognised once per page.
class FakeRecognizer : public Recognizer {
  public:
    FakeRecognizer(const OcrParams& params, int& calls) : psm_(params.psm), calls_(calls) {}
    void recognize(Page& page) override {
        ++calls_;
        Line line;
        const std::string text = psm_ == 6 ? "Слушали сообщение секретаря" : "Слу шали сообшенне";
        std::stringstream ss(text);
        for (std::string w; ss >> w;) line.words.push_back({w, {}, 90.0f, {}, false});
        page.lines = {line};
    }

  private:
    int psm_;
    int& calls_;
};

}  // namespace

TEST_CASE("settings that change recognition are recognised once per page and cached") {
    const std::string dir = test::temp_dir("tune_fake");
    cv::Mat img(120, 200, CV_8UC3, cv::Scalar(255, 255, 255));
    cv::rectangle(img, {20, 40, 160, 12}, cv::Scalar(0, 0, 0), cv::FILLED);
    for (const char* name : {"a", "b", "c"}) {
        cv::imwrite(dir + "/" + name + ".png", img);
        std::ofstream(dir + "/" + name + ".gt.txt") << "Слушали сообщение секретаря\n";
    }
    tune::PageSplit split = tune::split_pages(tune::find_tune_pages(dir, dir).pages, 0.34, 3);
    REQUIRE(split.train.size() == 2);
    REQUIRE(split.holdout.size() == 1);

    Profile base = Profile::load("default", (fs::path(test::source_dir()) / "profiles").string());
    Context ctx;
    ctx.profile = &base;
    ctx.data_dir = test::source_dir();
    tune::TuneSettings settings;
    settings.only = {"ocr.psm", "cleanup.speckle.max_height"};
    int calls = 0;
    tune::RecognizerFactory factory = [&calls](const OcrParams& p) -> std::unique_ptr<Recognizer> {
        return std::make_unique<FakeRecognizer>(p, calls);
    };
    tune::TuneResult r = tune::tune_profile(split, base, ctx, settings, factory);

    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].key == "ocr.psm");
    CHECK(r.changes[0].after == "6");
    CHECK(r.train_after == 0);
    CHECK(r.holdout_after == 0);
    CHECK(r.holdout_before > 0);
    // Four modes on two training pages, then the start and the result on the held-out page:
    // every cleanup trial and every repeated setting came from the cache.
    CHECK(calls == 4 * 2 + 2);
    CHECK(r.recognitions == calls);
    CHECK(r.trials > calls);
}
