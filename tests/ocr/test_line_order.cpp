// Line order within an area: a line Tesseract made a block of its own (cut off from its
// paragraph by a stamp) goes back to its height among the paragraph's lines; blocks side by
// side stay in Tesseract's order.
#include <catch2/catch.hpp>

#include "scanfix/ocr/line_order.hpp"

using namespace scanfix;

namespace {

Line line(const std::string& text, int block, int paragraph, cv::Rect box) {
    Line l;
    Word w;
    w.text = text;
    w.box = box;
    l.words.push_back(w);
    l.box = box;
    l.block = block;
    l.paragraph = paragraph;
    return l;
}

std::string texts(const std::vector<Line>& lines) {
    std::string s;
    for (const Line& l : lines) s += l.text() + "|";
    return s;
}

}  // namespace

TEST_CASE("line order: a line split off into a block of its own goes back to its height in its paragraph") {
    std::vector<Line> lines;
    lines.push_back(line("folio", 0, 0, {900, 10, 60, 20}));    // an earlier area: untouched
    lines.push_back(line("third", 1, 1, {100, 180, 700, 30}));  // read first by Tesseract
    lines.push_back(line("first", 2, 2, {100, 100, 800, 30}));
    lines.push_back(line("second", 2, 2, {100, 140, 790, 30}));
    lines.push_back(line("fourth", 2, 3, {100, 220, 800, 30}));
    lines.push_back(line("fifth", 2, 3, {100, 260, 400, 30}));
    CHECK(restore_line_order(lines, 1) == 1);
    CHECK(texts(lines) == "folio|first|second|third|fourth|fifth|");
    // It takes the block and paragraph of the line above it.
    CHECK(lines[3].block == 2);
    CHECK(lines[3].paragraph == 2);
}

TEST_CASE("line order: blocks side by side or one below another keep Tesseract's order") {
    std::vector<Line> lines;
    // An address on the left, a date on the right at the same height, then the body.
    lines.push_back(line("address one", 1, 1, {100, 100, 300, 30}));
    lines.push_back(line("address two", 1, 1, {100, 140, 300, 30}));
    lines.push_back(line("address three", 1, 1, {100, 180, 300, 30}));
    lines.push_back(line("date", 2, 2, {700, 140, 200, 30}));
    lines.push_back(line("body one", 3, 3, {100, 300, 800, 30}));
    lines.push_back(line("body two", 3, 3, {100, 340, 800, 30}));
    const std::string before = texts(lines);
    CHECK(restore_line_order(lines, 0) == 0);
    CHECK(texts(lines) == before);
}

TEST_CASE("line order: nested blocks end in the outermost one, and nothing is lost") {
    std::vector<Line> lines;
    lines.push_back(line("b", 5, 5, {120, 150, 200, 30}));
    lines.push_back(line("a1", 4, 4, {110, 100, 600, 30}));
    lines.push_back(line("a2", 4, 4, {110, 170, 600, 30}));
    for (int i = 0; i < 5; ++i)
        lines.push_back(line("c" + std::to_string(i), 3, 3, {100, 60 + 60 * i, 800, 30}));
    const size_t n = lines.size();
    CHECK(restore_line_order(lines, 0) == 3);
    REQUIRE(lines.size() == n);
    CHECK(texts(lines) == "c0|a1|c1|b|a2|c2|c3|c4|");
}
