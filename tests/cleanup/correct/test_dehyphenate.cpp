// Dehyphenation decisions: split words, real compounds, page breaks and removed lines.
#include <catch2/catch.hpp>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/dehyphenate.hpp"
#include "scanfix/core/layout.hpp"

using namespace scanfix;

TEST_CASE("a split word is joined, a real compound keeps its hyphen") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    DehyphenateParams p;
    CHECK(decide_hyphen("пере-", "дать", *lex, p) == HyphenDecision::SoftHyphen);
    CHECK(decide_hyphen("Народно-", "освободительной", *lex, p) == HyphenDecision::HardHyphen);
    CHECK(decide_hyphen("рас-", "сказать", *lex, p) == HyphenDecision::SoftHyphen);
    CHECK(decide_hyphen("Северо-", "восточного", *lex, p) == HyphenDecision::HardHyphen);
    CHECK(decide_hyphen("военно-", "морской", *lex, p) == HyphenDecision::HardHyphen);
    // halves that are not both words: a split word, even when the joined form is unknown
    CHECK(decide_hyphen("Пхень-", "яне", *lex, p) == HyphenDecision::SoftHyphen);
    CHECK(decide_hyphen("1949-", "1950", *lex, p) == HyphenDecision::HardHyphen);
    CHECK(decide_hyphen("пере-", "2.", *lex, p) == HyphenDecision::NotHyphenated);
    CHECK(decide_hyphen("-", "слово", *lex, p) == HyphenDecision::NotHyphenated);
    CHECK(decide_hyphen("слово", "дальше", *lex, p) == HyphenDecision::NotHyphenated);
}

TEST_CASE("dehyphenation sets the line join the renderer applies") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    Document doc{test::page_of(
        "в составе китайской Народно-\nосвободительной армии, с просьбой пере-\nдать дивизии")};
    dehyphenate(doc, *lex, {});
    CHECK(doc[0].lines[0].join == LineJoin::HardHyphen);
    CHECK(doc[0].lines[1].join == LineJoin::SoftHyphen);
    CHECK(render_text(doc, Layout::Reading) ==
          "в составе китайской Народно-освободительной армии, с просьбой передать дивизии\n");
    CHECK(render_text(doc, Layout::Diplomatic) ==
          "в составе китайской Народно-\nосвободительной армии, с просьбой пере-\nдать дивизии\n");
    REQUIRE(doc[0].log.size() == 2);
    CHECK(doc[0].log[1].action == "joined");
    CHECK(doc[0].log[1].after == "передать");
}

TEST_CASE("a word hyphenated across a page break and a removed folio line is rejoined") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    Document doc{test::page_of("с просьбой пере-\n\n2."),
                 test::page_of("53 7/46\nдать корейскому", 1)};
    doc[0].lines[1].removed = true;  // the page number, removed by a filter
    doc[1].lines[0].removed = true;  // the cypher number
    dehyphenate(doc, *lex, {});
    CHECK(doc[0].lines[0].join == LineJoin::SoftHyphen);
    CHECK(render_text(doc, Layout::Reading) == "с просьбой передать корейскому\n");

    DehyphenateParams same_page_only;
    same_page_only.across_pages = false;
    doc[0].lines[0].join = LineJoin::Space;
    dehyphenate(doc, *lex, same_page_only);
    CHECK(doc[0].lines[0].join == LineJoin::Space);
}
