// The choice between the first and the second reading of a page's lines: a word the other
// reading saw differently in the same place becomes one more candidate of the kept word, so
// that lexicon correction can take it; a word elsewhere is not offered.
#include <catch2/catch.hpp>

#include "pipeline_fixtures.hpp"
#include "scanfix/pipeline/second_reading.hpp"

using namespace scanfix;

namespace {

using test::line_of;
using test::word;

const Alternative* find_alternative(const Word& w, const std::string& text) {
    for (const Alternative& a : w.alternatives)
        if (a.text == text) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("the other reading's word in the same place is offered as an alternative") {
    Page page;
    page.source_size = {1000, 400};
    page.character_height = 30;
    Word first_word = word("aiese", {100, 100, 150, 40}, 70);
    first_word.alternatives.push_back({"oiese", 40});
    first_word.alternatives.push_back({"aiesc", 5});
    page.lines.push_back(line_of({first_word, word("Geld", {300, 100, 120, 40}, 90)}));

    // The second reading: the same first word shifted by a few pixels, read differently; the
    // second word read the same; a third word far to the right on the same line.
    std::vector<Line> second;
    second.push_back(
        line_of({word("diese", {104, 98, 148, 42}, 85), word("Geld", {302, 101, 118, 40}, 92),
                 word("zu", {700, 100, 60, 40}, 20)}));
    SecondReadingParams params;
    params.margin = 10;  // the first reading is kept whatever the evidence
    choose_readings(page, std::move(second), nullptr, QualityParams{}, params);

    REQUIRE(page.lines.size() == 1);
    const Line& kept = page.lines[0];
    REQUIRE(kept.words.size() >= 2);
    CHECK(kept.words[0].text == "aiese");
    const Alternative* offered = find_alternative(kept.words[0], "diese");
    REQUIRE(offered != nullptr);
    CHECK(offered->confidence == Approx(85));
    // Likeliest first: the offered word comes before the recogniser's own weaker candidates.
    CHECK(kept.words[0].alternatives.front().text == "diese");
    CHECK(kept.words[0].alternatives.size() == 3);
    // The same text is no alternative, and a word elsewhere is offered to no word.
    CHECK(kept.words[1].alternatives.empty());
    for (const Word& w : kept.words) CHECK(find_alternative(w, "zu") == nullptr);
}

TEST_CASE("a word of the other reading that only touches a kept word is not offered") {
    Page page;
    page.source_size = {1000, 400};
    page.character_height = 30;
    page.lines.push_back(line_of({word("Fritz", {100, 100, 150, 40}, 80)}));
    std::vector<Line> second;
    // Overlapping a third of the kept word: another word, not another reading of this one.
    second.push_back(line_of({word("und", {200, 100, 150, 40}, 90)}));
    SecondReadingParams params;
    params.margin = 10;
    choose_readings(page, std::move(second), nullptr, QualityParams{}, params);
    REQUIRE(!page.lines.empty());
    CHECK(page.lines[0].words[0].alternatives.empty());
}
