// Line setting of the sample generator: hyphenation points, line breaking, page cutting and the
// two reference layouts rebuilt from the typed lines.
#include <catch2/catch.hpp>

#include <sstream>

#include "scanfix/core/text.hpp"
#include "typed_lines.hpp"

using namespace scanfix;
using namespace scanfix::samples;

namespace {

std::string joined(const std::vector<std::string>& paragraphs) {
    std::string out;
    for (const std::string& p : paragraphs) out += (out.empty() ? "" : "\n\n") + p;
    return out + "\n";
}

const std::vector<std::string> kParagraphs = {
    "Комиссия рассмотрела представленные материалы и установила следующее: "
    "хранилище содержится удовлетворительно, документы разложены по описям.",
    "Предложено произвести переплетение дел постоянного хранения до первого сентября.",
    "Научно-техническая обработка документов будет закончена в установленный срок."};

}  // namespace

TEST_CASE("hyphenation points leave a vowel on both sides and never split before soft sign") {
    for (const char* word : {"переплетение", "хранилище", "установила", "большой", "подъезд"}) {
        std::u32string w = utf32_of(word);
        auto points = hyphenation_points(w);
        CHECK_FALSE(points.empty());
        for (size_t p : points) {
            CHECK(p >= 2);
            CHECK(p + 2 <= w.size());
            CHECK(std::u32string(U"ьъйы").find(w[p]) == std::u32string::npos);
        }
    }
    CHECK(hyphenation_points(utf32_of("стр")).empty());
}

TEST_CASE("set_lines keeps every line within the column and indents paragraph starts") {
    LineSettings s;
    s.columns = 30;
    s.indent = 4;
    auto lines = set_lines(kParagraphs, s);
    REQUIRE(lines.size() > kParagraphs.size());
    int starts = 0;
    for (const TypedLine& l : lines) {
        CHECK(l.indent + static_cast<int>(utf32_of(l.text).size()) <= s.columns);
        if (l.paragraph_start) {
            ++starts;
            CHECK(l.indent == s.indent);
        } else {
            CHECK(l.indent == 0);
        }
    }
    CHECK(starts == static_cast<int>(kParagraphs.size()));
}

TEST_CASE("reading text rejoins hyphenated words and equals the source paragraphs") {
    for (int columns : {22, 31, 47, 80}) {
        LineSettings s;
        s.columns = columns;
        auto lines = set_lines(kParagraphs, s);
        CHECK(reading_text(lines) == joined(kParagraphs));
        // The diplomatic text keeps the line breaks, so with narrow columns it must differ.
        if (columns < 40) CHECK(diplomatic_text(lines, 0) != reading_text(lines));
    }
}

TEST_CASE("narrow columns produce typist hyphens and compounds break at their own hyphen") {
    LineSettings s;
    s.columns = 24;
    auto lines = set_lines(kParagraphs, s);
    int soft = 0;
    for (const TypedLine& l : lines) {
        if (l.join == LineJoin::SoftHyphen) {
            ++soft;
            CHECK(l.text.back() == '-');
        }
        if (l.join == LineJoin::HardHyphen) CHECK(l.text.back() == '-');
    }
    CHECK(soft > 0);
    s.hyphenate = false;
    for (const TypedLine& l : set_lines(kParagraphs, s)) CHECK(l.join == LineJoin::Space);
}

TEST_CASE("split_pages respects the page height and the pages' texts add up to the source") {
    LineSettings s;
    s.columns = 26;
    auto lines = set_lines(kParagraphs, s);
    for (int gap : {0, 1}) {
        auto pages = split_pages(lines, 5, gap);
        REQUIRE(pages.size() >= 2);
        size_t total = 0;
        std::string all;
        for (const auto& page : pages) {
            int rows = 0;
            for (size_t i = 0; i < page.size(); ++i)
                rows += 1 + ((i > 0 && page[i].paragraph_start) ? gap : 0);
            CHECK(rows <= 5);
            total += page.size();
            // A page ending inside a hyphenated word keeps the hyphen in its reading text.
            std::string text = reading_text(page);
            if (page.back().join == LineJoin::SoftHyphen && !page.back().paragraph_end)
                CHECK(text.substr(text.size() - 2) == "-\n");
        }
        CHECK(total == lines.size());
    }
}

TEST_CASE("split_paragraphs uses blank lines and collapses whitespace") {
    auto p = split_paragraphs("  Первая   строка\nпродолжение\n\n\n Второй абзац \n");
    REQUIRE(p.size() == 2);
    CHECK(p[0] == "Первая строка продолжение");
    CHECK(p[1] == "Второй абзац");
}
