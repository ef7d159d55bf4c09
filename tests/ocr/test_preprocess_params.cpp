// Preprocessing parameters: every step describes its parameters, and bad values are rejected.
#include <catch2/catch.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "synthetic_page.hpp"

using namespace scanfix;

namespace {
void run_with(const std::string& yaml) {
    Profile profile = Profile::parse(yaml, "test.yaml");
    Context ctx;
    ctx.profile = &profile;
    Page page;
    page.image = cv::Mat(200, 200, CV_8UC1, cv::Scalar(255));
    preprocess_page(page, ctx);
}
}  // namespace

TEST_CASE("preprocessing parameters are described under preprocess.<step>") {
    auto specs = preprocess_param_specs();
    REQUIRE(!specs.empty());
    bool has_method = false;
    for (const auto& s : specs) {
        CHECK(s.name.rfind("preprocess.", 0) == 0);
        CHECK(!s.help.empty());
        has_method = has_method || s.name == "preprocess.binarize.method";
    }
    CHECK(has_method);
}

TEST_CASE("out-of-range preprocessing parameters are rejected") {
    CHECK_THROWS_AS(run_with("preprocess:\n  binarize:\n    k: 5\n"), ConfigError);
    CHECK_THROWS_AS(run_with("preprocess:\n  binarize:\n    window: 30\n"), ConfigError);
    CHECK_THROWS_AS(run_with("preprocess:\n  binarize:\n    method: magic\n"), ConfigError);
    CHECK_THROWS_AS(run_with("preprocess:\n  deskew:\n    max_degrees: 2\n    min_degrees: 3\n"),
                    ConfigError);
    CHECK_THROWS_AS(run_with("preprocess:\n  despeckle:\n    min_size: 0.9\n    dot_size: 0.3\n"),
                    ConfigError);
    CHECK_THROWS_AS(run_with("preprocess:\n  illumination:\n    kernel_mm: -1\n"), ConfigError);
    CHECK_NOTHROW(run_with("preprocess:\n  binarize:\n    method: wolf\n    window: 31\n"));
}

TEST_CASE("a blank page goes through without text") {
    Page page;
    page.image = cv::Mat(300, 200, CV_8UC3, cv::Scalar(230, 240, 245));
    preprocess_page(page, Context{});
    CHECK(page.binary.size() == page.gray.size());
    CHECK(cv::countNonZero(page.binary == 0) == 0);
}
