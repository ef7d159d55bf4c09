// The noise filters on OCR pages, where boxes, confidences and regions are known.
#include <catch2/catch.hpp>

#include "filter_test_util.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "scanfix/cleanup/quality.hpp"

using namespace scanfix;
using scanfix::test::kept_text;
using scanfix::test::ListLexicon;
using scanfix::test::ocr_line;
using scanfix::test::ocr_word;

namespace {
// Eight body lines in a column starting at x=400, 50 px apart.
Page body_page() {
    Page p;
    for (int i = 0; i < 8; ++i)
        p.lines.push_back(
            ocr_line({"Строка", "текста", "в", "колонке", "номер"}, 400, 200 + 50 * i));
    return p;
}

// Appends an OCR line of `words`, its box round all of them; returns its index.
int add_line(Page& p, std::vector<Word> words) {
    Line line;
    line.words = std::move(words);
    for (const Word& w : line.words) line.box = line.box.area() ? (line.box | w.box) : w.box;
    p.lines.push_back(line);
    return int(p.lines.size()) - 1;
}

int removed_words(const Page& p) {
    int n = 0;
    for (const Line& l : p.lines)
        for (const Word& w : l.words) n += w.removed || l.removed;
    return n;
}
}  // namespace

TEST_CASE("short tokens stacked left of the column are a margin column") {
    Page p = body_page();
    const char* items[] = {"вд", "эв", "иш", "ид", "гг"};
    for (int i = 0; i < 5; ++i) {
        // Some on their own lines, some glued by the recognizer to a body line.
        Word w = ocr_word(items[i], 100 + (i % 2) * 8, 200 + 50 * i, 40, 30);
        if (i % 2) {
            p.lines[i].words.insert(p.lines[i].words.begin(), w);
        } else {
            Line l;
            l.words.push_back(w);
            p.lines.push_back(l);
        }
    }
    std::string body_before;
    for (const Line& l : body_page().lines) body_before += l.text() + "\n";
    remove_margin_columns(p, {}, nullptr);
    CHECK(removed_words(p) == 5);
    // The one-letter word «в» inside the column is untouched.
    std::string body_after;
    for (int i = 0; i < 8; ++i) body_after += p.lines[i].text() + "\n";
    CHECK(body_after == body_before);
}

TEST_CASE("a margin column glued to most lines is found by the page's word spacing") {
    // Line boxes as tall as the line pitch (90 px) make words look tall; the margin items sit
    // 120 px before the body, under two word heights but eight of the page's word spaces.
    Page p;
    for (int i = 0; i < 10; ++i) {
        Line line;
        int x = 400;
        for (const char* t : {"Zeile", "des", "Textes", "in", "der", "Spalte", "Nummer"}) {
            int w = 18 * int(std::string(t).size());
            line.words.push_back(ocr_word(t, x, 200 + 90 * i, w, 90));
            x += w + 15;
        }
        if (i >= 2)
            line.words.insert(line.words.begin(),
                              ocr_word(i % 2 ? "ab" : "cd", 240, 200 + 90 * i, 40, 90, 70));
        line.box = line.words.front().box | line.words.back().box;
        p.lines.push_back(line);
    }
    remove_margin_columns(p, {}, nullptr);
    CHECK(removed_words(p) == 8);
    for (const Line& l : p.lines) CHECK(l.words.back().removed == false);
}

TEST_CASE("a few scattered short words outside the column are not a column") {
    Page p = body_page();
    p.lines[0].words.insert(p.lines[0].words.begin(), ocr_word("аб", 100, 200, 40, 30));
    p.lines[5].words.insert(p.lines[5].words.begin(), ocr_word("вг", 250, 450, 40, 30));
    remove_margin_columns(p, {}, nullptr);
    CHECK(removed_words(p) == 0);
}

TEST_CASE("a page number below the column is removed") {
    Page p = body_page();
    Line number;
    number.words.push_back(ocr_word("12", 800, 700, 30, 30));
    number.paragraph = 1;
    p.lines.push_back(number);
    LinePatterns pattern;
    pattern.add(PageNumberParams{}.pattern);
    remove_page_numbers(p, {}, pattern);
    CHECK(p.lines.back().removed);
    CHECK(removed_words(p) == 1);
}

TEST_CASE("low-confidence specks off the line go, ordinary short words stay") {
    Page p = body_page();
    p.regions.push_back({RegionKind::TextColumn, cv::Rect(390, 190, 900, 420), ""});
    p.lines[2].words.push_back(ocr_word(".", 1200, 200 + 100 - 25, 6, 6, 20));  // above the line
    p.lines[3].words.push_back(ocr_word("'", 1250, 350 + 10, 5, 8, 30));        // tiny
    p.lines[4].words.push_back(ocr_word("в", 1250, 400, 20, 30, 30));           // normal letter
    p.lines[5].words.push_back(ocr_word("-", 1250, 462, 20, 4, 30));            // a dash
    p.lines[6].words.push_back(ocr_word("|", 1250, 500, 4, 30, 95));            // confident
    ListLexicon lexicon({"в"});
    remove_speckle(p, {}, &lexicon);
    CHECK(p.lines[2].words.back().removed);
    CHECK(p.lines[3].words.back().removed);
    CHECK_FALSE(p.lines[4].words.back().removed);
    CHECK_FALSE(p.lines[5].words.back().removed);
    CHECK_FALSE(p.lines[6].words.back().removed);
}

TEST_CASE("words in a stamp region go unless they are known text in the column") {
    Page p = body_page();
    Line stamp_line;
    stamp_line.words.push_back(ocr_word("ВХОДЯЩИЙ", 1500, 190, 150, 30, 70));
    p.lines.insert(p.lines.begin(), stamp_line);
    p.regions.push_back({RegionKind::TextColumn, cv::Rect(390, 190, 800, 420), ""});
    p.regions.push_back({RegionKind::Stamp, cv::Rect(380, 180, 1400, 80), ""});
    p.lines[1].words[1].confidence = 40;  // «текста» under the stamp, read poorly
    ListLexicon lexicon({"строка", "текста", "в", "колонке", "номер"});
    remove_stamps(p, {}, LinePatterns(), &lexicon);
    CHECK(p.lines[0].words[0].removed);        // outside the column
    CHECK_FALSE(p.lines[1].words[0].removed);  // known, confident, in the column
    CHECK(p.lines[1].words[1].removed);        // known but below max_confidence_in_column
    CHECK_FALSE(p.lines[2].words[0].removed);  // outside the stamp region
}

TEST_CASE("unknown low-confidence words in the margin are marginalia") {
    Page p = body_page();
    p.lines[1].words.push_back(ocr_word("zzq", 1500, 250, 60, 35, 30));
    p.lines[2].words.push_back(ocr_word("Копия", 1500, 300, 90, 30, 40));
    // Garbled, almost no confidence, and half a line below its neighbours: between the lines.
    p.lines[3].words.insert(p.lines[3].words.begin() + 2, ocr_word("т%к", 600, 375, 40, 30, 10));
    ListLexicon lexicon({"копия"});
    remove_marginalia(p, {}, &lexicon);
    CHECK(p.lines[1].words.back().removed);
    CHECK_FALSE(p.lines[2].words.back().removed);
    CHECK(p.lines[3].words[2].removed);
    CHECK(removed_words(p) == 2);
}

TEST_CASE("handwriting packed beside the type is outside the column where the typing begins") {
    Page p = body_page();
    // Preprocessing took the handwriting for part of the column: it reaches the page's edge.
    p.regions.push_back({RegionKind::TextColumn, {20, 180, 1000, 420}, "main text"});
    // Notes written close to the type's left edge, glued by the recognizer to the body lines,
    // read with little confidence; one of them is a word the lexicon knows.
    const char* notes[] = {"kun", "fqlgd", "Nqts", "Artk"};
    for (int i = 0; i < 4; ++i)
        p.lines[2 + i].words.insert(p.lines[2 + i].words.begin(),
                                    ocr_word(notes[i], 150, 200 + 50 * (2 + i), 110, 30, 20));
    // A list number typed out to the left of the type, read with confidence.
    p.lines[7].words.insert(p.lines[7].words.begin(), ocr_word("7.", 330, 550, 30, 30, 91));
    ListLexicon lexicon({"kun"});
    remove_marginalia(p, {}, &lexicon);
    for (int i = 0; i < 4; ++i) CHECK(p.lines[2 + i].words.front().removed);
    CHECK_FALSE(p.lines[7].words.front().removed);
    CHECK(removed_words(p) == 4);

    // Too few lines read with the confidence of type to tell: the found column stands.
    Page few = body_page();
    few.regions = p.regions;
    for (int i = 3; i < 8; ++i)
        for (Word& w : few.lines[i].words) w.confidence = 50;
    few.lines[2].words.insert(few.lines[2].words.begin(), ocr_word("fqlgd", 150, 300, 110, 30, 20));
    remove_marginalia(few, {}, &lexicon);
    CHECK_FALSE(few.lines[2].words.front().removed);

    // Two columns, the second with more lines: the first column's typing is still type.
    Page two = body_page();
    two.regions.push_back({RegionKind::TextColumn, {20, 180, 1000, 420}, "main text"});
    for (int i = 0; i < 3; ++i) {
        two.lines[i] = ocr_line({"Слово", "из", "левой", "колонки"}, 40, 200 + 50 * i);
        two.lines[i].words[0].confidence = 30;  // one unknown word read badly
        two.lines[i].words[0].text = "Слвво";
    }
    remove_marginalia(two, {}, &lexicon);
    for (int i = 0; i < 3; ++i) CHECK_FALSE(two.lines[i].words.front().removed);
}

TEST_CASE("a low-confidence margin block of tall, uneven words is handwriting, known words too") {
    Page p = body_page();
    p.regions.push_back({RegionKind::TextColumn, {390, 180, 700, 420}, "main text"});
    // A note in the left margin, read as its own block: known words among the garbage.
    Line note;
    note.block = 7;
    note.words = {ocr_word("Ål", 100, 700, 50, 50, 64), ocr_word("KN", 90, 760, 100, 100, 67),
                  ocr_word("i", 200, 760, 13, 67, 80)};
    note.box = note.words[0].box | note.words[2].box;
    p.lines.push_back(note);
    // A typed folio number below the column: confident and of the type's height.
    Line folio;
    folio.block = 8;
    folio.words = {ocr_word("Blad", 500, 700, 80, 30, 93), ocr_word("2.", 600, 700, 30, 30, 91)};
    folio.box = folio.words[0].box | folio.words[1].box;
    p.lines.push_back(folio);
    ListLexicon lexicon({"ål", "i", "blad"});
    remove_marginalia(p, {}, &lexicon);
    for (const Word& w : p.lines[8].words) CHECK(w.removed);
    CHECK_FALSE(p.lines[9].words[0].removed);
}

TEST_CASE(
    "a line of short unknown tokens read with very low quality is no typing; a folio, a "
    "number, a known word and a long word keep theirs") {
    Page p = body_page();
    auto add = [&](std::vector<Word> words) { return add_line(p, std::move(words)); };
    // Read from a rotated stamp and a blot.
    const int stamp =
        add({ocr_word("x", 200, 700, 20, 46, 57), ocr_word("=", 230, 700, 20, 21, 27)});
    const int blot = add({ocr_word("e&", 200, 760, 30, 34, 16), ocr_word("=", 240, 760, 20, 20, 77),
                          ocr_word("a", 270, 760, 20, 20, 21)});
    // A worn folio between dashes, a reference number, a known short word and a badly read long
    // word: each read with low confidence, each typing.
    const int folio = add({ocr_word("-", 600, 100, 20, 5, 40), ocr_word("bb", 630, 100, 30, 30, 20),
                           ocr_word("=", 670, 100, 20, 10, 30)});
    const int number =
        add({ocr_word("ii", 200, 820, 20, 22, 30), ocr_word("2", 230, 820, 20, 32, 20)});
    const int known =
        add({ocr_word("og", 200, 880, 30, 22, 30), ocr_word("xq", 240, 880, 30, 20, 5),
             ocr_word("zj", 280, 880, 30, 20, 5)});
    const int word = add({ocr_word("Verhinderunz", 200, 940, 200, 30, 20)});
    ListLexicon lexicon({"строка", "текста", "в", "колонке", "номер", "og"});
    estimate_page_quality(p, &lexicon, QualityParams{});
    for (int li : {stamp, blot, folio, number, known, word}) {
        INFO("line " << li);
        REQUIRE(p.lines[li].quality.known());
        CHECK(p.lines[li].quality.score < GarbageLinesParams{}.max_quality);
    }
    remove_garbage_lines(p, {}, &lexicon);
    CHECK(p.lines[stamp].removed);
    CHECK(p.lines[blot].removed);
    CHECK_FALSE(p.lines[folio].removed);
    CHECK_FALSE(p.lines[number].removed);
    CHECK_FALSE(p.lines[known].removed);
    CHECK_FALSE(p.lines[word].removed);
    for (int i = 0; i < 8; ++i) CHECK_FALSE(p.lines[i].removed);
}

TEST_CASE(
    "a line of letters far lower than the type, read with low quality, is no line of type; "
    "a row of dashes and a thin line read well stay") {
    Page p = body_page();  // words 30 px high
    auto add = [&](std::vector<Word> words) { return add_line(p, std::move(words)); };
    // The tops of a line the page's edge cuts off, 12 px high, read as unknown words.
    const int cut =
        add({ocr_word("ION", 200, 1000, 60, 12, 30), ocr_word("arche", 280, 1000, 100, 12, 20),
             ocr_word("eisernen", 400, 1000, 160, 12, 28)});
    // A line of the body's words, as low, read with confidence.
    const int clear = add(
        {ocr_word("текста", 200, 1100, 120, 12, 96), ocr_word("колонке", 340, 1100, 140, 12, 95)});
    // The same cut-off line as tall as the type is judged as any other line.
    const int tall =
        add({ocr_word("ION", 200, 1150, 60, 30, 30), ocr_word("arche", 280, 1150, 100, 30, 20),
             ocr_word("eisernen", 400, 1150, 160, 30, 28)});
    ListLexicon lexicon({"строка", "текста", "в", "колонке", "номер"});
    estimate_page_quality(p, &lexicon, QualityParams{});
    REQUIRE(p.lines[cut].quality.score < GarbageLinesParams{}.thin_quality);
    REQUIRE(p.lines[tall].quality.score < GarbageLinesParams{}.thin_quality);
    REQUIRE(p.lines[clear].quality.score >= GarbageLinesParams{}.thin_quality);
    remove_garbage_lines(p, {}, &lexicon);
    CHECK(p.lines[cut].removed);
    CHECK_FALSE(p.lines[clear].removed);
    CHECK_FALSE(p.lines[tall].removed);
    for (int i = 0; i < 8; ++i) CHECK_FALSE(p.lines[i].removed);
}

TEST_CASE(
    "a garbled word read with almost no confidence in the type of its line is typing, also "
    "first on the line and taller than the type; one written between the lines is a note") {
    Page p = body_page();
    p.regions.push_back({RegionKind::TextColumn, cv::Rect(390, 190, 800, 420), ""});
    // Line 2: its middle word misread, on the line's own height.
    Word& misread = p.lines[2].words[2];
    misread.text = "B«uapest";
    misread.confidence = 10;
    // Line 3: its first word misread, its box twice the type's height (a correction over it).
    Word& first = p.lines[3].words[0];
    first.text = "B«uapest";
    first.confidence = 0;
    first.box.y -= first.box.height;
    first.box.height *= 2;
    // Line 4: the same between its words, but half a line lower: written between the lines.
    Word& note = p.lines[4].words[2];
    note.text = "B«uapest";
    note.confidence = 10;
    note.box.y += 25;
    ListLexicon lexicon({"строка", "текста", "в", "колонке", "номер"});
    remove_marginalia(p, {}, &lexicon);
    CHECK_FALSE(p.lines[2].words[2].removed);
    CHECK_FALSE(p.lines[3].words[0].removed);
    CHECK(p.lines[4].words[2].removed);
    for (int i : {0, 1, 3, 4})
        for (int w : {0, 1, 3, 4}) CHECK_FALSE(p.lines[i].words[w].removed);
}
