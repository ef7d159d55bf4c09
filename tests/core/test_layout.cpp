// Reading and diplomatic layout of the page model, including joins across page breaks.
#include <catch2/catch.hpp>

#include "scanfix/core/layout.hpp"

using namespace scanfix;

namespace {
Line make_line(std::initializer_list<const char*> words, int paragraph,
               LineJoin join = LineJoin::Space) {
    Line l;
    for (const char* w : words) l.words.push_back(Word{w});
    l.paragraph = paragraph;
    l.join = join;
    return l;
}
}  // namespace

TEST_CASE("reading layout flows paragraphs and joins soft hyphens") {
    Page p;
    p.lines.push_back(make_line({"в", "случае", "пере-"}, 0, LineJoin::SoftHyphen));
    p.lines.push_back(make_line({"дать", "дивизии."}, 0));
    p.lines.push_back(make_line({"Новый", "абзац"}, 1));
    CHECK(render_text({p}, Layout::Reading) == "в случае передать дивизии.\n\nНовый абзац\n");
    CHECK(render_text({p}, Layout::Diplomatic) == "в случае пере-\nдать дивизии.\n\nНовый абзац\n");
}

TEST_CASE("hard hyphens keep the hyphen and join without a space") {
    Page p;
    p.lines.push_back(make_line({"Народно-"}, 0, LineJoin::HardHyphen));
    p.lines.push_back(make_line({"освободительной"}, 0));
    CHECK(render_text({p}, Layout::Reading) == "Народно-освободительной\n");
}

TEST_CASE("a word split across pages is rejoined, removed lines skipped") {
    Page a, b;
    a.lines.push_back(make_line({"просьбой", "пере-"}, 0, LineJoin::SoftHyphen));
    a.lines.push_back(make_line({"2."}, 1));
    a.lines.back().removed = true;
    b.lines.push_back(make_line({"дать", "корейскому"}, 0));
    CHECK(render_text({a, b}, Layout::Reading) == "просьбой передать корейскому\n");
}

TEST_CASE("removed words vanish unless noise is kept") {
    Page p;
    p.lines.push_back(make_line({"текст", "~~"}, 0));
    p.lines[0].words[1].removed = true;
    CHECK(render_text({p}, Layout::Reading) == "текст\n");
    CHECK(render_text({p}, Layout::Reading, true) == "текст ⟦~~⟧\n");
}

TEST_CASE("a page written alone keeps a word split across its end whole") {
    Page a, b;
    a.lines.push_back(make_line({"просьбой", "пере-"}, 0, LineJoin::SoftHyphen));
    a.lines.push_back(make_line({"2."}, 1));
    a.lines.back().removed = true;
    b.lines.push_back(make_line({"дать", "корейскому"}, 0));
    b.lines.push_back(make_line({"народу."}, 0));
    const Document doc = {a, b};
    CHECK(render_page_text(doc, 0, Layout::Reading) == "просьбой передать\n");
    CHECK(render_page_text(doc, 1, Layout::Reading) == "корейскому народу.\n");
    // The diplomatic layout shows each page as typed.
    CHECK(render_page_text(doc, 0, Layout::Diplomatic) == "просьбой пере-\n");
    CHECK(render_page_text(doc, 1, Layout::Diplomatic) == "дать корейскому\nнароду.\n");
    // A line-end hyphen the cleanup left as an ordinary break stays where it is.
    Document plain = doc;
    plain[0].lines[0].join = LineJoin::Space;
    CHECK(render_page_text(plain, 0, Layout::Reading) == "просьбой пере-\n");
    CHECK(render_page_text(plain, 1, Layout::Reading) == "дать корейскому народу.\n");
}
