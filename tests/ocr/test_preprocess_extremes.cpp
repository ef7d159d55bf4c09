// Preprocessing at the edges of its parameter space: every numeric preprocess.* parameter at
// its minimum and at its maximum, alone and in seeded combinations, on small generated archive
// pages (stamp, dust, margin column, punch holes). A profile or `tune` may set any of these;
// none may crash, read outside an image or give regions off the page. Run under ASan/UBSan too.
#include <catch2/catch.hpp>
#include <random>

#include "page_generator.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/preprocess.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

const std::vector<std::string> kParagraphs = {
    "ТЕЛЕГРАММА. Москва, Министерство иностранных дел. По вашему запросу сообщаю, что "
    "делегация прибудет пятнадцатого числа поездом номер семь.",
    "Прошу обеспечить встречу и размещение. Подробности будут переданы дополнительно."};

// Two pages at low resolution (fast), one with heavy noise and one at another resolution so
// that character heights, windows and kernels differ.
std::vector<cv::Mat> pages() {
    std::vector<cv::Mat> out;
    try {
        for (auto [dpi, level, seed] : {std::tuple{100.0, samples::NoiseLevel::Heavy, 3},
                                        std::tuple{140.0, samples::NoiseLevel::Light, 8}}) {
            samples::PageSettings s;
            s.dpi = dpi;
            s.seed = std::uint64_t(seed);
            s.noise = samples::NoiseSettings::preset(level);
            for (auto& page : samples::generate_document(kParagraphs, s)) out.push_back(page.image);
        }
    } catch (const InputError& e) {
        WARN("skipped: " << e.what());  // fonts of the generator not installed
        out.clear();
    }
    return out;
}

std::vector<ParamSpec> numeric_specs() {
    std::vector<ParamSpec> out;
    for (const ParamSpec& s : preprocess_param_specs())
        if (s.type == ParamType::Int || s.type == ParamType::Double) out.push_back(s);
    return out;
}

std::string extreme(const ParamSpec& s, bool high) {
    double v = high ? s.max : s.min;
    return s.type == ParamType::Int ? format_param_value(int(v)) : format_param_value(v);
}

// False when the profile's values contradict each other (min_mm above max_mm...): preprocessing
// refuses them with a ConfigError before it looks at a page.
bool consistent(const Profile& profile) {
    Context ctx;
    ctx.profile = &profile;
    Page blank;
    blank.image = cv::Mat(60, 60, CV_8UC1, cv::Scalar(255));
    try {
        preprocess_page(blank, ctx);
    } catch (const ConfigError&) {
        return false;
    }
    return true;
}

// Preprocesses `image` with `profile`; any exception escapes and fails the test.
void check_page(const cv::Mat& image, const Profile& profile, const std::string& settings) {
    INFO("settings: " << settings);
    Context ctx;
    ctx.profile = &profile;
    Page page;
    page.source = "generated.png";
    page.image = image;
    page.dpi = 300;  // as a PNG without a resolution says: the type size corrects it
    preprocess_page(page, ctx);
    REQUIRE(page.binary.type() == CV_8UC1);
    REQUIRE(page.gray.type() == CV_8UC1);
    REQUIRE(page.binary.size() == page.gray.size());
    const cv::Rect whole(0, 0, page.gray.cols, page.gray.rows);
    for (const Region& r : page.regions) {
        INFO("region " << to_string(r.kind) << " " << r.box);
        CHECK((r.box & whole) == r.box);
    }
}

Profile base_profile() {
    return Profile::load("default", test::source_dir() + "/profiles");
}

}  // namespace

TEST_CASE("every preprocessing parameter at its minimum and its maximum") {
    const std::vector<cv::Mat> images = pages();
    if (images.empty()) return;
    const std::vector<ParamSpec> specs = numeric_specs();
    REQUIRE(specs.size() > 30);
    // Each setting on one of the pages in turn, so that both pages meet both ends of most
    // parameters while the test stays short.
    size_t turn = 0;
    std::string refused;
    for (const ParamSpec& s : specs)
        for (bool high : {false, true}) {
            Profile profile = base_profile();
            profile.set(s.name, extreme(s, high), "test");
            if (!consistent(profile)) {  // e.g. deskew.max_degrees=0.5 below min_degrees=1
                refused += " " + s.name + "=" + extreme(s, high);
                continue;
            }
            check_page(images[turn++ % images.size()], profile, s.name + "=" + extreme(s, high));
        }
    // Only the ends that contradict the default of their paired parameter are refused.
    CHECK(refused ==
          " preprocess.perspective.min_area=1 preprocess.perspective.max_area=0.05"
          " preprocess.punch_holes.min_mm=30 preprocess.punch_holes.max_mm=1"
          " preprocess.deskew.max_degrees=0.5 preprocess.despeckle.min_size=1"
          " preprocess.despeckle.dot_size=0.05");
}

TEST_CASE("preprocessing parameters at their extremes in combination") {
    const std::vector<cv::Mat> images = pages();
    if (images.empty()) return;
    const std::vector<ParamSpec> specs = numeric_specs();
    std::vector<Profile> profiles;
    std::vector<std::string> names;
    // Seeded mixtures: each parameter stays at its default or goes to one end, under each
    // thresholding method; mixtures whose values contradict each other are drawn again.
    std::mt19937 rng(20240611);
    const char* methods[] = {"sauvola", "wolf", "otsu"};
    int made = 0;
    for (int attempt = 0; attempt < 2000 && made < 16; ++attempt) {
        Profile p = base_profile();
        std::string name = std::string("method=") + methods[made % 3];
        p.set("preprocess.binarize.method", methods[made % 3], "test");
        for (const ParamSpec& s : specs) {
            int pick = int(rng() % 5);  // 0, 1, 2: default; 3: minimum; 4: maximum
            if (pick < 3) continue;
            p.set(s.name, extreme(s, pick == 4), "test");
            name += " " + s.name + "=" + extreme(s, pick == 4);
        }
        if (!consistent(p)) continue;
        profiles.push_back(p);
        names.push_back(name);
        ++made;
    }
    REQUIRE(made == 16);
    for (size_t i = 0; i < profiles.size(); ++i)
        for (const cv::Mat& image : images) check_page(image, profiles[i], names[i]);
}
