// The preprocessing runner: steps chosen and ordered by preprocess.steps, checked for order,
// timed one by one, and the colour page left as it was loaded.
#include <catch2/catch.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;

namespace {

Page drawn_page() {
    Page page;
    page.source = "drawn.png";
    page.dpi = 200;
    cv::cvtColor(test::draw_text_page(), page.image, cv::COLOR_GRAY2BGR);
    return page;
}

bool has_timing(const Page& page, const std::string& stage) {
    for (const StageTiming& t : page.timings)
        if (t.stage == stage) return true;
    return false;
}

}  // namespace

TEST_CASE("preprocess.steps chooses the steps that run, in order, each timed") {
    Profile profile = Profile::parse("preprocess:\n  steps: [type_size, binarize]\n", "p.yaml");
    Preprocessor pre(profile);
    CHECK(pre.step_names() == std::vector<std::string>{"type_size", "binarize"});
    Page page = drawn_page();
    pre.run(page, {});
    CHECK_FALSE(page.binary.empty());
    CHECK(page.regions.empty());  // no text column step: no regions
    CHECK(has_timing(page, "preprocess.type_size"));
    CHECK(has_timing(page, "preprocess.binarize"));
    CHECK_FALSE(has_timing(page, "preprocess.deskew"));

    Preprocessor all{Profile()};
    Page full = drawn_page();
    all.run(full, {});
    CHECK(all.step_names() == default_preprocess_steps());
    REQUIRE(full.text_column() != nullptr);
    CHECK(has_timing(full, "preprocess.text_column"));
}

TEST_CASE("a step switched off by its own parameter does not run") {
    Profile profile = Profile::parse(
        "preprocess:\n  steps: [type_size, deskew, binarize]\n  deskew:\n    enabled: false\n",
        "p.yaml");
    Page page = drawn_page();
    Preprocessor(profile).run(page, {});
    CHECK_FALSE(has_timing(page, "preprocess.deskew"));
    CHECK(has_timing(page, "preprocess.binarize"));
}

TEST_CASE("steps in an impossible order or unknown steps are refused with the profile line") {
    auto refused = [](const std::string& yaml, const std::string& words) {
        Profile profile = Profile::parse(yaml, "order.yaml");
        try {
            Preprocessor pre(profile);
            FAIL("expected ConfigError for " << yaml);
        } catch (const ConfigError& e) {
            CHECK(e.file() == "order.yaml");
            CHECK(e.line() == 2);
            CHECK(std::string(e.what()).find(words) != std::string::npos);
        }
    };
    refused("preprocess:\n  steps: [binarize, type_size]\n", "list type_size before it");
    refused("preprocess:\n  steps: [type_size, despeckle, binarize]\n", "list binarize before it");
    refused("preprocess:\n  steps: [type_size, deskew, color_separation]\n", "before deskew");
    refused("preprocess:\n  steps: [type_size, sharpen]\n", "unknown preprocessing step 'sharpen'");
}

TEST_CASE(
    "the loaded image is never written into, and the map back to it is the identity "
    "when nothing was turned") {
    Page page = drawn_page();
    const cv::Mat before = page.image.clone();
    Preprocessor{Profile()}.run(page, {});
    CHECK(cv::norm(page.image, before, cv::NORM_INF) == 0);
    CHECK(page.to_source == cv::Matx33d::eye());
    CHECK(page.source_size == before.size());
}
