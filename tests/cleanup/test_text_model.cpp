// The line model of plain transcriptions: lines, words, paragraphs and pages, whole or a window
// at a time (long transcriptions), and the text and report built from windows.
#include <catch2/catch.hpp>
#include <tuple>
#include <vector>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/emit/report.hpp"

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

namespace {
// A transcription of several pages with paragraphs, blank runs and long lines, for windows.
std::string long_transcription() {
    std::string text;
    for (int page = 0; page < 5; ++page) {
        for (int para = 0; para < 4; ++para) {
            for (int line = 0; line < 6 + page; ++line)
                text += "строка " + std::to_string(line) + " абзаца " + std::to_string(para) +
                        (line % 3 == 2 ? " пере-\n" : " текста\n");
            text += para % 2 ? "\n\n\n" : "\n";
        }
        for (int w = 0; w < 50; ++w) text += "длинная ";  // a line longer than a window
        text += "\n\f";
    }
    return text;
}

std::vector<TextWindow> windows_of(const std::string& text, size_t lines, size_t words) {
    std::vector<TextWindow> out;
    TextWindows windows(text, "long.txt", lines, words);
    for (TextWindow w; windows.next(w);) out.push_back(std::move(w));
    return out;
}
}  // namespace

TEST_CASE("windows of a long transcription hold its pages, lines and paragraphs") {
    const std::string text = long_transcription();
    const Document whole = document_from_text(text, "long.txt");
    for (auto [lines, words] : {std::pair<size_t, size_t>{7, 1000}, {1000, 30}, {3, 8}}) {
        INFO("budget " << lines << " lines, " << words << " words");
        std::vector<TextWindow> windows = windows_of(text, lines, words);
        CHECK(windows.size() > 5);
        // Joined back, the windows give the whole model's words, paragraphs and pages.
        std::vector<std::tuple<int, int, std::string>> a, b;
        for (const Page& p : whole)
            for (const Line& l : p.lines)
                for (const Word& w : l.words) a.emplace_back(p.index, l.paragraph, w.text);
        int line_in_page = 0;
        for (const TextWindow& w : windows) {
            REQUIRE(!w.doc.empty());
            if (!w.continues_last_page) line_in_page = 0;
            CHECK(w.first_line == line_in_page);
            for (size_t p = 0; p < w.doc.size(); ++p) {
                if (p > 0) line_in_page = 0;
                for (const Line& l : w.doc[p].lines)
                    for (const Word& word : l.words)
                        b.emplace_back(w.doc[p].index, l.paragraph, word.text);
                line_in_page += int(w.doc[p].lines.size());
            }
        }
        CHECK(a == b);
        // Rendered window by window, the text is the whole model's; in diplomatic layout too
        // unless a line had more words than a window holds (it is cut in two).
        for (Layout layout : {Layout::Reading, Layout::Diplomatic}) {
            if (layout == Layout::Diplomatic && words < 50) continue;
            TextRenderer renderer(layout, false);
            std::string out;
            for (const TextWindow& w : windows) {
                renderer.add(w.doc, w.continues_last_page);
                out += renderer.take();
            }
            out += renderer.finish();
            CHECK(out == render_text(whole, layout));
        }
    }
    // Within the default budget an ordinary document is one window.
    CHECK(windows_of(text, TextWindows::kLines, TextWindows::kWords).size() == 1);
    CHECK(windows_of("", 5, 5).size() == 1);
}

TEST_CASE("the report of a long transcription written window by window is the whole report") {
    const std::string text = long_transcription();
    // Every fourth line of each page removed, counted within the page.
    auto remove = [](Page& page, int first_line) {
        for (int i = 0; i < int(page.lines.size()); ++i)
            if ((first_line + i) % 4 == 1) page.remove_line(i, "test", "every fourth line");
    };
    Document whole = document_from_text(text, "long.txt");
    for (Page& p : whole) remove(p, 0);
    CleanupReportWriter writer;
    std::string report;
    for (TextWindow& w : windows_of(text, 5, 1000)) {
        for (size_t p = 0; p < w.doc.size(); ++p) remove(w.doc[p], p == 0 ? w.first_line : 0);
        report += writer.add(w.doc, w.continues_last_page, w.first_line);
    }
    report += writer.finish();
    CHECK(report == cleanup_report_json(whole));
    CHECK(CleanupReportWriter().finish() == cleanup_report_json(Document{}));
}
