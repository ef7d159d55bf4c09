// Letter-spaced words are joined; one-letter words of ordinary prose are not.
#include <catch2/catch.hpp>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/letter_spacing.hpp"
#include "scanfix/core/layout.hpp"

using namespace scanfix;

namespace {
std::string joined(const std::string& text, const Lexicon& lex, LetterSpacingParams p = {}) {
    Document doc{test::page_of(text)};
    join_letter_spacing(doc, lex, p);
    return render_text(doc, Layout::Reading);
}
}  // namespace

TEST_CASE("a letter-spaced name in capitals is joined") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(joined("15.V.49г. Ш Т Ы К О В", *lex) == "15.V.49г. ШТЫКОВ\n");
    CHECK(joined("подпись: Б Р Ы З Г А Л О В.", *lex) == "подпись: БРЫЗГАЛОВ.\n");
    CHECK(joined("«Ш Т Ы К О В»", *lex) == "«ШТЫКОВ»\n");
}

TEST_CASE("lower-case spaced letters are joined only into a known word") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(joined("это с р о ч н о сделать", *lex) == "это срочно сделать\n");
    CHECK(joined("а б в г д", *lex) == "а б в г д\n");
}

TEST_CASE("one-letter words of prose stay apart") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    std::string prose = "Он пришел и в к о у я сказал\n";
    CHECK(joined(prose, *lex) == prose);
    CHECK(joined("я и с ним", *lex) == "я и с ним\n");
    // capitals of two scripts, and initials with dots, are no spaced word
    CHECK(joined("Ш T Ы", *lex) == "Ш T Ы\n");
    CHECK(joined("А. Б. В. Иванов", *lex) == "А. Б. В. Иванов\n");
}

TEST_CASE("short runs and switched-off capitals follow the parameters") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LetterSpacingParams p;
    p.join_capitals = false;
    CHECK(joined("Щ Ы Ф Р О В", *lex, p) == "Щ Ы Ф Р О В\n");  // no word: stays
    CHECK(joined("Ш Т Ы К О В", *lex, p) == "ШТЫКОВ\n");       // a known name: joined
    p = {};
    p.min_letters = 7;
    CHECK(joined("Ш Т Ы К О В", *lex, p) == "Ш Т Ы К О В\n");
}

TEST_CASE("joining logs every replaced letter") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    Document doc{test::page_of("Ш Т Ы К О В")};
    join_letter_spacing(doc, *lex, {});
    CHECK(doc[0].log.size() == 6);
    CHECK(doc[0].log[0].after == "ШТЫКОВ");
    CHECK(doc[0].log[0].stage == "letter_spacing");
}
