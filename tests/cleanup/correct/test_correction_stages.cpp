// The correction stages as profiles see them: names, parameters, building from a profile.
#include <catch2/catch.hpp>

#include <set>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/stage.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"

using namespace scanfix;

TEST_CASE("the correction stages are registered with their parameters") {
    std::set<std::string> names;
    for (const auto& info : correction_stage_infos()) {
        names.insert(info.name);
        CHECK_FALSE(info.help.empty());
        for (const ParamSpec& s : info.params())
            CHECK(s.name.rfind("cleanup." + info.name + ".", 0) == 0);
    }
    CHECK(names == std::set<std::string>{"script_repair", "letter_spacing", "stray_marks",
                                         "lexicon_correction", "dehyphenate"});
}

TEST_CASE("correction stages run from a profile in the default order") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    Profile profile =
        Profile::parse("cleanup:\n  lexicon_correction:\n    max_cost: 0.5\n", "p.yaml");
    Context ctx;
    ctx.profile = &profile;
    ctx.data_dir = test::source_dir();
    Document doc{test::page_of("выехал из Ихеньяна в Бэйпин с просьбой пере-\n"),
                 test::page_of("дать. 15.У.49г. Ш Т Ы К О В\n", 1)};
    for (const auto& info : correction_stage_infos()) info.make(profile, ctx)->run(doc, ctx);
    CHECK(render_text(doc, Layout::Reading) ==
          "выехал из Пхеньяна в Бэйпин с просьбой передать. 15.V.49г. ШТЫКОВ\n");
}

TEST_CASE("a bad correction parameter names the profile line") {
    Profile profile = Profile::parse("cleanup:\n  letter_spacing:\n    min_letters: 1\n", "p.yaml");
    Context ctx;
    ctx.profile = &profile;
    ctx.data_dir = test::source_dir();
    for (const auto& info : correction_stage_infos())
        if (info.name == "letter_spacing") {
            try {
                info.make(profile, ctx);
                FAIL("expected a ConfigError");
            } catch (const ConfigError& e) {
                CHECK(e.line() == 3);
            }
        }
}
