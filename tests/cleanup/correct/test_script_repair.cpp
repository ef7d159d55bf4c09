// Script and homoglyph repair: look-alike letters, Roman month numerals, NFC.
#include <catch2/catch.hpp>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/script_repair.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"

using namespace scanfix;

namespace {
std::string fix(const ScriptRepairer& r, const std::string& token, double cyrillic_share = 0.95) {
    std::string reason;
    return r.repair(token, cyrillic_share, &reason);
}
}  // namespace

TEST_CASE("Latin look-alikes inside a Cyrillic word become Cyrillic, and vice versa") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    ScriptRepairer r(ScriptRepairParams{}, test::dictionaries(), lex);
    // "Kорея" with Latin K, "сoюз" with Latin o, "ЦK" with Latin K
    CHECK(fix(r, "Kорея,") == "Корея,");
    CHECK(fix(r, "сoюз") == "союз");
    CHECK(fix(r, "ЦK") == "ЦК");
    // a German word with a Cyrillic о and е
    CHECK(fix(r, "dоch", 0.05) == "doch");
    CHECK(fix(r, "Tеlegram", 0.05) == "Telegram");
    // Cyrillic ӧ in a German word is Latin ö; a Latin word keeps its script in Latin text
    CHECK(fix(r, "Mӧglichkeit", 0.05) == "Möglichkeit");
    CHECK(fix(r, "Mӧ-", 0.05) == "Mö-");
    // letters without a twin in the other script are left alone
    CHECK(fix(r, "Цзеdun") == "Цзеdun");
}

TEST_CASE("a word of look-alikes converts only among words of the other script") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    ScriptRepairer r(ScriptRepairParams{}, test::dictionaries(), lex);
    CHECK(fix(r, "HOA", 0.95) == "НОА");  // Latin H, O, A in Russian text
    CHECK(fix(r, "B", 0.95) == "В");      // the preposition typed with a Latin B
    CHECK(fix(r, "HOA", 0.3) == "HOA");   // in mixed or Latin text: left alone
    CHECK(fix(r, "III", 0.95) == "III");  // Roman numerals stay Latin
    CHECK(fix(r, "X", 0.95) == "X");
    CHECK(fix(r, "Shtykov", 0.95) == "Shtykov");  // not all look-alikes
}

TEST_CASE("Roman month numerals in dotted dates are Latin") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    ScriptRepairer r(ScriptRepairParams{}, test::dictionaries(), lex);
    CHECK(fix(r, "15.У.49г.") == "15.V.49г.");
    CHECK(fix(r, "1.ХII.1949") == "1.XII.1949");
    CHECK(fix(r, "3.Іv.50г.") == "3.IV.50г.");
    CHECK(fix(r, "15.V.49г.") == "15.V.49г.");    // already right
    CHECK(fix(r, "15.11.49") == "15.11.49");      // an Arabic month is no Roman numeral
    CHECK(fix(r, "15.УУ.49г.") == "15.УУ.49г.");  // VV is no month
    ScriptRepairParams off;
    off.roman_dates = false;
    ScriptRepairer r2(off, test::dictionaries(), lex);
    CHECK(fix(r2, "15.У.49г.") == "15.У.49г.");
}

TEST_CASE("words are normalised to NFC") {
    ScriptRepairer r(ScriptRepairParams{}, test::dictionaries(), nullptr);
    std::string decomposed = "Се\xCC\x88ну";  // е + combining diaeresis
    std::string fixed = fix(r, decomposed);
    CHECK(fixed == to_nfc(decomposed));
    CHECK(fixed != decomposed);
}

TEST_CASE("script repair on a page logs each replacement with its reason") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    ScriptRepairer r(ScriptRepairParams{}, test::dictionaries(), lex);
    Document doc{test::page_of("Kорея и Китай заключили договор\n15.У.49г. ШТЫКОВ\n")};
    r.run(doc);
    CHECK(doc[0].lines[0].words[0].text == "Корея");
    CHECK(doc[0].lines[1].words[0].text == "15.V.49г.");
    REQUIRE(doc[0].log.size() == 2);
    CHECK(doc[0].log[0].stage == "script_repair");
    CHECK(doc[0].log[0].before == "Kорея");
    CHECK_FALSE(doc[0].log[1].reason.empty());
}

TEST_CASE("a broken rules file is a ConfigError naming the file") {
    ScriptRepairParams p;
    p.to_latin_rules = "no/such/rules.txt";
    CHECK_THROWS_AS(ScriptRepairer(p, test::dictionaries(), nullptr), ConfigError);
}
