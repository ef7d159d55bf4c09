// The lexicon: hunspell ru_RU plus curated lists, case and punctuation handling, caching and
// profile options.
#include <catch2/catch.hpp>

#include <fstream>
#include <tuple>

#include "correct_fixtures.hpp"
#include "scanfix/core/error.hpp"

using namespace scanfix;

TEST_CASE("the Russian lexicon knows word forms in any case, not numbers or noise") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(lex->knows("передать"));
    CHECK(lex->knows("Передать"));
    CHECK(lex->knows("ПЕРЕДАТЬ"));
    CHECK(lex->knows("«передать»,"));
    CHECK(lex->knows("Москва"));
    CHECK(lex->knows("москва"));
    CHECK(lex->knows("Народно-освободительной"));
    CHECK(lex->knows("Сёну"));  // ё written where the dictionary has е (lookup_variants.txt)
    CHECK_FALSE(lex->knows("1949"));
    CHECK_FALSE(lex->knows("Ихеньяна"));
    CHECK_FALSE(lex->knows("эж"));
    CHECK_FALSE(lex->knows("..."));
    CHECK_FALSE(lex->knows(""));
}

TEST_CASE("curated lists add abbreviations, names and inflected places") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(lex->knows("ВКП(б)"));
    CHECK(lex->knows("КПК"));
    CHECK(lex->knows("НОА,"));
    CHECK(lex->knows("Мукдене"));  // listed as Мукден/Пекин: inflected like Пекин
    CHECK(lex->knows("Бэйпине"));
}

TEST_CASE("one lexicon instance per options, shared by every stage") {
    LexiconOptions o;
    o.dictionaries_dir = test::dictionaries();
    CHECK(Lexicon::load(o) == Lexicon::load(o));
}

TEST_CASE("a language without a hunspell dictionary uses the curated lists only") {
    std::string dir = test::temp_dir("lexicon_lists");
    { std::ofstream(dir + "/archive.txt") << "# per-archive list\nФальшивкин Зузуля\n"; }
    LexiconOptions o;
    o.language = "xxx";
    o.dictionaries_dir = test::dictionaries();
    o.extra_word_lists = {dir + "/archive.txt"};
    auto lex = Lexicon::load(o);
    CHECK_FALSE(lex->has_dictionary());
    CHECK(lex->knows("Фальшивкин"));
    CHECK(lex->knows("ЗУЗУЛЯ"));
    CHECK_FALSE(lex->knows("передать"));
    o.extra_word_lists = {dir + "/missing.txt"};
    CHECK_THROWS_AS(Lexicon::load(o), ConfigError);
}

TEST_CASE("profiles name the language and per-archive lists; a missing list names file and line") {
    std::string dir = test::temp_dir("lexicon_profile");
    { std::ofstream(dir + "/fonds.txt") << "Фальшивкин\n"; }
    Context ctx;
    ctx.data_dir = test::source_dir();
    Profile good = Profile::parse(
        "cleanup:\n  lexicon:\n    language: rus\n    lists: [" + dir + "/fonds.txt]\n",
        "good.yaml");
    LexiconOptions o = lexicon_options(good, ctx);
    CHECK(o.language == "rus");
    REQUIRE(o.extra_word_lists.size() == 1);
    CHECK(lexicon_for(good, ctx)->knows("Фальшивкин"));

    Profile bad = Profile::parse("cleanup:\n  lexicon:\n    lists: [no_such_list]\n", "bad.yaml");
    try {
        lexicon_options(bad, ctx);
        FAIL("expected a ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.file() == "bad.yaml");
        CHECK(e.line() == 3);
    }
    bool has_lists = false;
    for (const auto& s : lexicon_param_specs())
        has_lists = has_lists || s.name == "cleanup.lexicon.lists";
    CHECK(has_lists);
}

TEST_CASE("every language scanfix reads has its dictionary, alone and combined") {
    const std::vector<std::tuple<const char*, const char*, const char*>> languages = {
        {"deu", "/usr/share/hunspell/de_DE.dic", "Erklärung"},
        {"dan", "/usr/share/hunspell/da_DK.dic", "regeringen"},
        {"ces", "/usr/share/hunspell/cs_CZ.dic", "ministerstvo"},
        {"slk", "/usr/share/hunspell/sk_SK.dic", "ministerstvo"},
        {"eng", "/usr/share/hunspell/en_US.dic", "government"},
        {"fra", "/usr/share/hunspell/fr_FR.dic", "gouvernement"},
    };
    for (const auto& [lang, dic, word] : languages) {
        if (!std::ifstream(dic)) SCANFIX_SKIP(dic << " is not installed (hunspell dictionaries)");
        LexiconOptions o;
        o.language = lang;
        o.dictionaries_dir = test::dictionaries();
        auto lex = Lexicon::load(o);
        INFO(lang);
        CHECK(lex->has_dictionary());
        CHECK(lex->knows(word));
        CHECK_FALSE(lex->knows("xqzvbkw"));
    }
    LexiconOptions both;
    both.language = "rus+eng";
    both.dictionaries_dir = test::dictionaries();
    auto lex = Lexicon::load(both);
    CHECK(lex->knows("government"));
    CHECK(lex->knows("правительство"));
}
