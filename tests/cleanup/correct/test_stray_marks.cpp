// Stray marks glued to known words: a speck before a word, between two words, after a line-end
// hyphen and in mid-sentence goes; the same marks at unknown words, an ellipsis and a number
// stay.
#include <catch2/catch.hpp>

#include "../filter_test_util.hpp"
#include "correct_fixtures.hpp"
#include "scanfix/cleanup/stray_marks.hpp"

using namespace scanfix;
using scanfix::test::ListLexicon;

namespace {
std::string cleaned(const std::string& text, const Lexicon& lexicon, StrayMarksParams p = {}) {
    Document doc = {test::page_of(text)};
    remove_stray_marks(doc, lexicon, p, "stray_marks");
    std::string out;
    for (const Line& line : doc[0].lines) out += line.text() + "\n";
    return out;
}
}  // namespace

TEST_CASE("a dot or comma glued before a known word is a speck") {
    const ListLexicon lexicon({"la", "préfecture", "слово", "и"});
    CHECK(cleaned(".la préfecture\n,слово и\n", lexicon) == "la préfecture\nслово и\n");
    // An unknown word, an ellipsis and a number keep theirs.
    CHECK(cleaned(".xq ...la .50\n", lexicon) == ".xq ...la .50\n");
    StrayMarksParams off;
    off.leading_dots = false;
    CHECK(cleaned(".la préfecture\n", lexicon, off) == ".la préfecture\n");
}

TEST_CASE("a space read after a hyphen inside a line is joined, unless a conjunction follows") {
    const ListLexicon lexicon({"og", "und", "и", "проверочной", "Kursteder"});
    CHECK(cleaned("экспертно- проверочной комиссии\n", lexicon) ==
          "экспертно-проверочной комиссии\n");
    // The hyphen of a suspended compound holds the first part for the word after the
    // conjunction.
    CHECK(cleaned("paa Bade- og Kursteder\nEin- und Ausfuhr\nнаучно- и технический\n", lexicon) ==
          "paa Bade- og Kursteder\nEin- und Ausfuhr\nнаучно- и технический\n");
    StrayMarksParams off;
    off.conjunction_letters = 0;
    CHECK(cleaned("paa Bade- og Kursteder\n", lexicon, off) == "paa Bade-og Kursteder\n");
}

TEST_CASE("a mark glued between two known words keeps its place; after a line-end hyphen it goes") {
    const ListLexicon lexicon({"смогут", "вернуть", "отделов", "они", "апреля"});
    // A comma, and a dot before a capital, lost the space typed after them.
    CHECK(cleaned("смогут,вернуть\nвернуть.Они смогут\n", lexicon) ==
          "смогут, вернуть\nвернуть. Они смогут\n");
    // A dot before a lower-case word: after a short word an abbreviation typed close, as read;
    // after a longer word, or a number, a speck in the space; after a line-end hyphen, a speck.
    CHECK(cleaned("они.вернуть\n", lexicon) == "они.вернуть\n");
    CHECK(cleaned("они смогут.вернуть\n30.апреля\nиз отде-.\nлов\n", lexicon) ==
          "они смогут вернуть\n30 апреля\nиз отде-\nлов\n");
}

namespace {
// `text` read from a page: every word ending in a comma or full stop gets the next of `drops`
// (its mark's depth below the baseline, in letter heights), in reading order.
std::string settled(const std::string& text, std::vector<float> drops, StrayMarksParams p = {}) {
    Document doc = {test::page_of(text)};
    size_t next = 0;
    for (Line& line : doc[0].lines)
        for (Word& w : line.words)
            if (next < drops.size() && (w.text.back() == ',' || w.text.back() == '.'))
                w.mark_drop = drops[next++];
    remove_stray_marks(doc, ListLexicon({}), p, "stray_marks");
    std::string out;
    for (const Line& line : doc[0].lines) out += line.text() + "\n";
    return out;
}
}  // namespace

TEST_CASE("a comma whose glyph sits on the baseline like the page's full stops is a full stop") {
    const std::string text =
        "Jedna, dva. Tři, čtyři.\nPět, šest. Sedm, osm.\nstát, polic, 10, min,\n";
    // Full stops at the baseline, commas a third of a letter below; "stát,", "10," and "min,"
    // sit on it.
    const std::vector<float> drops = {0.32f, 0.05f, 0.30f, 0.04f, 0.35f, 0.06f,
                                      0.28f, 0.05f, 0.03f, 0.33f, 0.07f, 0.04f};
    CHECK(settled(text, drops) ==
          "Jedna, dva. Tři, čtyři.\nPět, šest. Sedm, osm.\nstát. polic, 10. min.\n");
    // One comma alone at the full stops' depth is a comma whose tail the scan lost.
    std::vector<float> one = drops;
    one[10] = one[11] = 0.30f;
    CHECK(settled(text, one) == text);
    // No evidence, nothing changes: commas no deeper than full stops, or full stops scattered
    // (dust read as full stops), or the step off.
    CHECK(settled(text, std::vector<float>(12, 0.05f)) == text);
    std::vector<float> scattered = drops;
    scattered[1] = -0.3f, scattered[3] = 0.3f, scattered[5] = 0.2f, scattered[7] = -0.1f;
    CHECK(settled(text, scattered) == text);
    StrayMarksParams off;
    off.full_stops = false;
    CHECK(settled(text, drops, off) == text);
    // A transcription carries no glyphs.
    CHECK(settled(text, {}) == text);
}

TEST_CASE("a word emptied by an earlier stage keeps no mark to measure") {
    Document doc = {test::page_of("Jedna, dva. Tři.\n")};
    for (Word& w : doc[0].lines[0].words) w.mark_drop = 0.05f;
    doc[0].lines[0].words[0].text.clear();  // joined into a neighbour, as letter_spacing does
    remove_stray_marks(doc, ListLexicon({}), {}, "stray_marks");
    CHECK(doc[0].lines[0].text() == "dva. Tři.");
}
