// The line model of plain transcriptions: lines, words, paragraphs and pages.
#include <catch2/catch.hpp>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/layout.hpp"

using namespace scanfix;

TEST_CASE("transcriptions become lines of words, blank lines start paragraphs") {
    Document doc =
        document_from_text("Первая  строка\tтекста  \nвторая\n\n\nНовый абзац\n", "t.txt");
    REQUIRE(doc.size() == 1);
    const Page& p = doc[0];
    CHECK(p.from_text);
    CHECK(p.source == "t.txt");
    REQUIRE(p.lines.size() == 3);
    CHECK(p.lines[0].words.size() == 3);
    CHECK(p.lines[0].words[2].text == "текста");
    CHECK_FALSE(p.lines[0].words[0].has_box());
    CHECK(p.lines[0].words[0].confidence < 0);
    CHECK(p.lines[0].paragraph == p.lines[1].paragraph);
    CHECK(p.lines[2].paragraph == p.lines[1].paragraph + 1);
}

TEST_CASE("form feeds start pages, no-break spaces separate words") {
    Document doc = document_from_text("один\u00A0два\n\fтри\n\n\f", "t.txt");
    REQUIRE(doc.size() == 2);
    CHECK(doc[0].lines.at(0).words.size() == 2);
    CHECK(doc[1].index == 1);
    CHECK(doc[1].lines.at(0).words.at(0).text == "три");
    CHECK(doc[1].lines.at(0).paragraph == 0);
}

TEST_CASE("an unchanged model renders back to its text") {
    std::string text = "a b\nc\n\nd e\n";
    Document doc = document_from_text(text, "t");
    CHECK(render_text(doc, Layout::Diplomatic) == text);
    CHECK(render_text(doc, Layout::Reading) == "a b c\n\nd e\n");
    CHECK(document_from_text("", "t").size() == 1);
}
