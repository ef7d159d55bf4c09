// Lexicon correction: confusion-weighted candidates, case kept, conservative refusals.
#include <catch2/catch.hpp>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/lexicon_correction.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"

using namespace scanfix;

namespace {
std::string corrected(const std::string& text, std::shared_ptr<const Lexicon> lex,
                      LexiconCorrectionParams p = {}) {
    LexiconCorrector c(p, test::dictionaries(), lex);
    Document doc{test::page_of(text)};
    c.run(doc);
    return render_text(doc, Layout::Diplomatic);
}
}  // namespace

TEST_CASE("the confusion table defines a weighted edit distance") {
    ConfusionTable t = ConfusionTable::parse("и <> п 0.3\nrn > m 0.3\n# comment\n", "t.txt");
    CHECK(t.entries().size() == 3);
    CHECK(t.distance(U"ихеньяна", U"пхеньяна", 1.0) == Approx(0.3));
    CHECK(t.distance(U"пхеньяна", U"ихеньяна", 1.0) == Approx(0.3));
    CHECK(t.distance(U"rnodern", U"modern", 1.0) == Approx(0.3));
    CHECK(t.distance(U"modern", U"rnodern", 1.0) == Approx(2.0));  // one-way pair
    CHECK(t.distance(U"кот", U"кит", 1.0) == Approx(1.0));
    CHECK(t.distance(U"", U"да", 1.0) == Approx(2.0));
    CHECK_THROWS_AS(ConfusionTable::parse("и п\n", "bad.txt"), ConfigError);
    CHECK_THROWS_AS(ConfusionTable::parse("и <> п x\n", "bad.txt"), ConfigError);
    CHECK_THROWS_AS(ConfusionTable::load("/no/such/table.txt"), ConfigError);
}

TEST_CASE("an unknown word becomes the clearly best lexicon word, keeping its case") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(corrected("ИХЕНЬЯНА", lex) == "ПХЕНЬЯНА\n");
    CHECK(corrected("выехал из Ихеньяна 28 апреля", lex) == "выехал из Пхеньяна 28 апреля\n");
    CHECK(corrected("общая тетрадь", lex) == "общая тетрадь\n");
    CHECK(corrected("иэвестно", lex) == "известно\n");  // э read for з
}

TEST_CASE("numbers, abbreviations, known and unfamiliar words are never touched") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    std::string text = "ЦК КПК НОА 520745 14.V.49 Ким Ир Сен Бэйпине Мукдене Шмыргунделя\n";
    CHECK(corrected(text, lex) == text);
    // a word used often in the document is a name, not a misreading
    std::string names = "Ихеньяна Ихеньяна Ихеньяна Ихеньяна\n";
    CHECK(corrected(names, lex) == names);
}

TEST_CASE("halves of a word split at a line end are left to dehyphenate") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    std::string text = "с просьбой Ихенья-\nна передать\n";
    CHECK(corrected(text, lex) == text);
}

TEST_CASE("replacements are logged with the stage and a reason") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LexiconCorrector c({}, test::dictionaries(), lex);
    Document doc{test::page_of("в ИХЕНЬЯНА.")};
    c.run(doc);
    REQUIRE(doc[0].log.size() == 1);
    CHECK(doc[0].log[0].stage == "lexicon_correction");
    CHECK(doc[0].log[0].before == "ИХЕНЬЯНА.");
    CHECK(doc[0].log[0].after == "ПХЕНЬЯНА.");
    CHECK(doc[0].log[0].reason.find("cost") != std::string::npos);
}
