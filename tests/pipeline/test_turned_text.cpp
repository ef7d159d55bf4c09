// Text at right angles to the type: a stack of weak lines is read again turned, and its upright
// fragments go only where the turned reading says text. With a fake recognizer (what the
// turned reading returns is set by the test) and on a generated page with a "received" stamp
// struck sideways beside the type.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "generator_fixtures.hpp"
#include "page_generator.hpp"
#include "pipeline_fixtures.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "scanfix/pipeline/turned_text.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

using test::word;

Line line_of(std::vector<Word> words, double score) {
    Line l = test::line_of(std::move(words));
    l.quality.score = score;
    l.quality.characters = 4;
    return l;
}

// Three body lines read well, and beside them a stack of four weak lines of fragments; far
// below, one weak line alone.
Page page_with_stack() {
    Page page;
    page.source = "turned.png";
    page.character_height = 30;
    page.gray = cv::Mat(1600, 1400, CV_8U, cv::Scalar(255));
    for (int i = 0; i < 3; ++i)
        page.lines.push_back(line_of({word("Настоящим", {400, 200 + 60 * i, 250, 32}, 95),
                                      word("сообщаем,", {680, 200 + 60 * i, 240, 32}, 94),
                                      word("что", {950, 200 + 60 * i, 90, 32}, 96),
                                      word("проверка", {1070, 200 + 60 * i, 230, 32}, 93)},
                                     0.95));
    for (int i = 0; i < 4; ++i)
        page.lines.push_back(line_of({word("ii", {100, 200 + 40 * i, 40, 25}, 30),
                                      word("=", {160, 200 + 40 * i, 30, 20}, 40)},
                                     0.2));
    page.lines.push_back(line_of({word("ay", {900, 1400, 40, 25}, 20)}, 0.2));
    return page;
}

// Returns the same lines for every reading it is asked for, and counts the readings.
class FixedReader : public Recognizer {
  public:
    explicit FixedReader(std::vector<Line> lines) : lines_(std::move(lines)) {}
    void recognize(Page& page) override {
        page.lines = lines_;
        ++readings;
    }
    int readings = 0;

  private:
    std::vector<Line> lines_;
};

int removed_by(const Page& page, const std::string& stage) {
    return int(std::count_if(page.log.begin(), page.log.end(), [&](const LogEntry& e) {
        return e.stage == stage && e.action == "removed";
    }));
}

}  // namespace

TEST_CASE("weak lines stacked together make one place to read turned; a lone one does not") {
    const Page page = page_with_stack();
    const std::vector<TurnedCandidate> found = find_turned_candidates(page, TurnedTextParams{});
    REQUIRE(found.size() == 1);
    CHECK(found[0].words.size() == 8);
    CHECK(found[0].box == cv::Rect(100, 200, 90, 145));
    CHECK(found[0].upright == Approx(0.2));

    TurnedTextParams more;
    more.lines = 5;
    CHECK(find_turned_candidates(page, more).empty());
}

TEST_CASE("a stack whose turned reading says text is taken for text at right angles") {
    Page page = page_with_stack();
    FixedReader reader({line_of(
        {word("ВХОДЯЩИЙ", {10, 10, 200, 30}, 93), word("1139", {230, 10, 80, 30}, 95)}, -1)});
    const int taken =
        read_turned_text(page, reader, OcrParams{}, nullptr, QualityParams{}, TurnedTextParams{});
    CHECK(taken == 1);
    CHECK(reader.readings == 2);  // a quarter turn each way
    CHECK(removed_by(page, "turned_text") == 8);
    for (int i = 0; i < 3; ++i) CHECK(page.lines[i].text() == "Настоящим сообщаем, что проверка");
    CHECK(page.lines[7].text() == "ay");
    const auto stamp = std::find_if(page.regions.begin(), page.regions.end(),
                                    [](const Region& r) { return r.kind == RegionKind::Stamp; });
    REQUIRE(stamp != page.regions.end());
    CHECK(stamp->note.find("ВХОДЯЩИЙ 1139") != std::string::npos);
}

TEST_CASE("a stack whose turned reading is no better is kept, and the weighing is logged") {
    Page page = page_with_stack();
    FixedReader reader(
        {line_of({word("ЕЕ", {10, 10, 40, 30}, 30), word("ssЕ", {60, 10, 60, 30}, 25),
                  word("1a3", {130, 10, 60, 30}, 20)},
                 -1)});
    CHECK(read_turned_text(page, reader, OcrParams{}, nullptr, QualityParams{},
                           TurnedTextParams{}) == 0);
    CHECK(removed_by(page, "turned_text") == 0);
    CHECK(page.lines[3].text() == "ii =");
    CHECK(std::any_of(page.log.begin(), page.log.end(), [](const LogEntry& e) {
        return e.stage == "turned_text" && e.action == "kept";
    }));
}

TEST_CASE("a page whose words are mostly weak is not taken for a turned stamp") {
    // Half the page's words or more in one stack: the page itself may be turned, which is
    // orientation's business, not this stage's.
    Page page = page_with_stack();
    page.lines.resize(7);
    page.lines.erase(page.lines.begin(), page.lines.begin() + 3);
    FixedReader reader({line_of({word("ВХОДЯЩИЙ", {10, 10, 200, 30}, 93)}, -1)});
    CHECK(read_turned_text(page, reader, OcrParams{}, nullptr, QualityParams{},
                           TurnedTextParams{}) == 0);
    CHECK(removed_by(page, "turned_text") == 0);
}

TEST_CASE("a received stamp struck sideways beside the type is read turned, the type kept") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    REQUIRE_GENERATOR_FONTS();
    samples::PageSettings s;
    s.seed = 7110;
    s.noise = samples::NoiseSettings::preset(samples::NoiseLevel::Light);
    s.noise.turned_stamp = true;
    s.noise.margin_column = false;
    const samples::GeneratedPage generated = test::first_page("samples/texts/report.txt", s);
    const auto turned = std::find_if(generated.noise.begin(), generated.noise.end(),
                                     [](const auto& n) { return n.kind == "turned_stamp"; });
    REQUIRE(turned != generated.noise.end());

    const Document doc = test::read_generated(generated.image);
    const Page& page = doc[0];

    // The stamp's fragments went, and only they: every word removed lies in the stamp.
    int removed = 0;
    for (const LogEntry& e : page.log) {
        if (e.stage != "turned_text" || e.action != "removed") continue;
        ++removed;
        const cv::Rect on_source = page.source_box(e.box);
        const cv::Point centre(on_source.x + on_source.width / 2,
                               on_source.y + on_source.height / 2);
        CHECK(turned->box.contains(centre));
    }
    CHECK(removed >= 3);
    // What it says is kept in the stamp's region: a word of its lettering, read turned.
    std::vector<std::string> lettering;
    std::istringstream in(turned->text);
    for (std::string w; in >> w;)
        if (w.size() >= 6) lettering.push_back(w);
    const bool noted = std::any_of(page.regions.begin(), page.regions.end(), [&](const Region& r) {
        return r.kind == RegionKind::Stamp &&
               std::any_of(lettering.begin(), lettering.end(), [&](const std::string& w) {
                   return r.note.find(w) != std::string::npos;
               });
    });
    INFO(turned->text);
    CHECK(noted);

    const std::string out = render_text(doc, Layout::Diplomatic);
    INFO(out);
    CHECK(eval::evaluate(generated.lines_text, out).characters.rate() < 0.03);
}
