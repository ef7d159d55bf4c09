// The cleanup pipeline: stages chosen by the profile, profile errors with file and line,
// parameter descriptions and the JSON report.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "filter_test_util.hpp"
#include "scanfix/emit/report.hpp"
#include "scanfix/cleanup/stage.hpp"
#include "scanfix/core/error.hpp"

using namespace scanfix;

namespace {
const char* const kNoisy =
    "Начало письма, которое\n\n2.\n\n53 7/46\nЭкз. №.....\n\nаб\nвг\nде\nжз\n\n"
    "продолжается после шума.\n";

std::string clean(const std::string& text, const std::string& profile_text, Layout layout,
                  Document* out = nullptr) {
    Profile profile = Profile::parse(profile_text, "test.yaml");
    Context ctx;
    ctx.profile = &profile;
    Document doc = document_from_text(text, "noisy.txt");
    run_cleanup(doc, ctx);
    if (out) *out = doc;
    return render_text(doc, layout);
}
}  // namespace

TEST_CASE("the profile's stages run in order and text is rejoined") {
    const char* profile =
        "cleanup:\n  stages: [margin_column, page_number, registration_number, stamp]\n";
    Document doc;
    CHECK(clean(kNoisy, profile, Layout::Reading, &doc) ==
          "Начало письма, которое продолжается после шума.\n");
    CHECK(clean(kNoisy, profile, Layout::Diplomatic) ==
          "Начало письма, которое\nпродолжается после шума.\n");
    CHECK(
        clean(kNoisy, "cleanup:\n  stages: [page_number]\n", Layout::Diplomatic).find("53 7/46") !=
        std::string::npos);
    CHECK(render_text(doc, Layout::Diplomatic, true).find("⟦53⟧ ⟦7/46⟧") != std::string::npos);
}

TEST_CASE("the report lists every removal with stage, reason and place") {
    Document doc;
    clean(kNoisy, "cleanup:\n  stages: [margin_column, page_number, registration_number, stamp]\n",
          Layout::Reading, &doc);
    auto report = nlohmann::json::parse(cleanup_report_json(doc));
    CHECK(report["removed"] == 7);
    CHECK(report["joined"] == 1);
    REQUIRE(report["entries"].size() == 8);
    bool saw_stamp = false;
    for (const auto& e : report["entries"]) {
        CHECK(e["page"] == 1);
        CHECK(e["line"].get<int>() >= 1);
        CHECK_FALSE(e["reason"].get<std::string>().empty());
        if (e["stage"] == "stamp") {
            saw_stamp = true;
            CHECK(e["before"] == "Экз. №.....");
            CHECK(e["line"] == 4);
            CHECK(e["word"].is_null());
        }
    }
    CHECK(saw_stamp);
}

TEST_CASE("profile mistakes are reported with file and line") {
    auto error_of = [](const std::string& profile_text) -> ConfigError {
        try {
            clean("текст\n", profile_text, Layout::Reading);
        } catch (const ConfigError& e) {
            return e;
        }
        FAIL("expected ConfigError for " << profile_text);
        return ConfigError("", 0, "");
    };
    ConfigError unknown_stage = error_of("cleanup:\n  stages: [speckle, margin_colum]\n");
    CHECK(unknown_stage.line() == 2);
    CHECK(std::string(unknown_stage.what()).find("margin_colum") != std::string::npos);
    ConfigError typo = error_of("cleanup:\n  stages: [stamp]\n  stamp:\n    form_field: true\n");
    CHECK(typo.file() == "test.yaml");
    CHECK(typo.line() == 4);
    ConfigError range =
        error_of("cleanup:\n  stages: [margin_column]\n  margin_column:\n    min_run: 0\n");
    CHECK(range.line() == 4);
    ConfigError regex = error_of("cleanup:\n  stages: [stamp]\n  stamp:\n    patterns: ['(']\n");
    CHECK(regex.line() == 4);
    ConfigError page =
        error_of("cleanup:\n  stages: [page_number]\n  page_number:\n    pattern: '[1'\n");
    CHECK(page.line() == 4);
}

TEST_CASE("extra stamp patterns from an archive profile are applied") {
    const char* profile =
        "cleanup:\n  stages: [stamp]\n  stamp:\n    extra_patterns: ['рассекречено.*']\n";
    CHECK(clean("Рассекречено 1992\n\nТекст.\n", profile, Layout::Reading) == "Текст.\n");
}

TEST_CASE("every filter is registered and describes its parameters") {
    for (const char* name : {"speckle", "margin_column", "page_number", "registration_number",
                             "stamp", "marginalia"}) {
        const CleanupStageInfo* info = find_cleanup_stage(name);
        REQUIRE(info);
        CHECK_FALSE(info->help.empty());
        for (const ParamSpec& spec : info->params()) {
            CHECK(spec.name.rfind(std::string("cleanup.") + name + ".", 0) == 0);
            CHECK_FALSE(spec.help.empty());
        }
    }
    std::vector<ParamSpec> all = cleanup_param_specs();
    auto has = [&](const std::string& key) {
        for (const auto& s : all)
            if (s.name == key) return true;
        return false;
    };
    CHECK(has("cleanup.stages"));
    CHECK(has("cleanup.margin_column.min_run"));
    CHECK(has("cleanup.stamp.patterns"));
    CHECK(has("cleanup.page_number.pattern"));
}
