// The review library without the server: reading the JSON page model (reasons, words as read),
// the reviewer's state and its checks, the corrected text and ALTO, the error rate of the OCR
// against the correction, the page list's rows, and which names the review folder accepts.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "review_fixture.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/emit/formats.hpp"
#include "scanfix/review/corrected_pages.hpp"
#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/page_summary.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_save.hpp"
#include "scanfix/review/review_state.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::review;

namespace {

std::vector<OcrPage> sample_pages() {
    return parse_ocr_pages(to_json({test::review_sample_page("/scans/p.png", 90)}), "p.json");
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("review reads the page model: words as read, replacements and removal reasons") {
    auto pages = sample_pages();
    REQUIRE(pages.size() == 1);
    const OcrPage& p = pages[0];
    CHECK(p.image == "/scans/p.png");
    CHECK(p.width == 400);
    CHECK(p.height == 300);
    REQUIRE(p.lines.size() == 3);
    const OcrWord& replaced = p.lines[0].words[1];
    CHECK(replaced.text == "сообщение");
    CHECK(replaced.read == "сообшение");
    CHECK(replaced.replaced());
    CHECK(replaced.changed_by == "lexicon: known word one letter away");
    CHECK(p.lines[1].removed);
    CHECK(p.lines[1].removal == "margin_column: stacked short tokens (margin column)");
    CHECK_FALSE(p.lines[2].removed);
    CHECK(p.lines[2].words[2].removed);
    CHECK(p.lines[2].words[2].removal == "marginalia: number outside the text column (folio)");
    CHECK(p.lines[0].words[2].confidence == Approx(40));
    CHECK(p.lines[0].words[0].box == cv::Rect(20, 20, 100, 30));

    // Doubtful: the replaced word and the one read at 40; not the removed ones.
    CHECK(is_doubtful(p.lines[0], p.lines[0].words[1], 75));
    CHECK(is_doubtful(p.lines[0], p.lines[0].words[2], 75));
    CHECK_FALSE(is_doubtful(p.lines[0], p.lines[0].words[0], 75));
    CHECK_FALSE(is_doubtful(p.lines[1], p.lines[1].words[0], 75));
    CHECK_FALSE(is_doubtful(p.lines[2], p.lines[2].words[2], 75));
    CHECK(removed_items(p) == 2);
    // Mean confidence of the kept words: (90 + 90 + 40 + 90 + 90) / 5.
    CHECK(p.quality_or_confidence() == Approx(0.80));
    CHECK_FALSE(p.has_quality_estimate());
}

TEST_CASE("a page-level quality estimate in the JSON is used when there is one") {
    auto j = nlohmann::json::parse(to_json({test::review_sample_page("/s.png", 90)}));
    j["pages"][0]["quality"] = 0.42;
    auto pages = parse_ocr_pages(j.dump(), "q.json");
    CHECK(pages[0].quality_or_confidence() == Approx(0.42));
    CHECK(pages[0].has_quality_estimate());
    j["pages"][0]["quality"] = {{"score", 0.63}, {"confidence", 0.9}};
    CHECK(parse_ocr_pages(j.dump(), "q.json")[0].quality_or_confidence() == Approx(0.63));
    // What scanfix run writes is read as it is.
    Page page = test::review_sample_page("/s.png", 90);
    page.quality.score = 0.57;
    page.quality.characters = 10;
    CHECK(parse_ocr_pages(to_json({page}), "run.json")[0].quality_or_confidence() ==
          Approx(0.57));
}

TEST_CASE("broken or foreign JSON is refused with the file and the place named") {
    CHECK(message_of([] {
              parse_ocr_pages("{\"pages\": [", "f12.json");
          }).find("f12.json: not valid JSON: parse error at line 1") != std::string::npos);
    CHECK(message_of([] { parse_ocr_pages("{\"entries\": []}", "r.json"); }) ==
          "r.json: not a scanfix page model: the file has no \"pages\"");
    CHECK(message_of([] { parse_ocr_pages("{\"pages\": []}", "e.json"); }) ==
          "e.json: holds no page");
    CHECK(message_of([] {
              parse_ocr_pages(R"({"pages":[{"lines":[{"words":[{"text":3}]}]}]})", "w.json");
          }) ==
          "w.json: not a scanfix page model: pages[0].lines[0].words[0].text is not a string");
    CHECK(message_of([] {
              parse_ocr_pages(R"({"pages":[{"lines":[{"box":[1,2,3],"words":[]}]}]})", "b.json");
          }).find("box is not [x, y, width, height]") != std::string::npos);
    const std::string dir = test::temp_dir("review-read");
    CHECK(message_of([&] { read_ocr_pages(dir + "/gone.json"); }) ==
          dir + "/gone.json: no such file");
}

TEST_CASE("the reviewer's state is checked against the pages") {
    auto pages = sample_pages();
    auto state = parse_review_state(
        R"({"reviewed": true, "words": [{"page":1,"line":1,"word":3,"text":"секретаря","checked":true},
            {"page":1,"line":2,"word":1,"text":"вд","kept":true}],
            "decisions": [{"time":"2024-05-01T10:00:00.123Z","action":"restored","page":1,"line":2,
                           "after":"вд","note":"margin_column: stacked"}]})",
        "save", pages);
    CHECK(state.reviewed);
    REQUIRE(state.words.size() == 2);
    CHECK(state.verdict({0, 1, 0})->kept);
    CHECK(state.verdict({0, 0, 2})->checked);
    CHECK(state.verdict({0, 0, 0}) == nullptr);
    REQUIRE(state.decisions.size() == 1);
    CHECK(state.decisions[0].line == 1);
    CHECK(state.decisions[0].word == -1);

    auto refused = [&](const std::string& json) {
        return message_of([&] { parse_review_state(json, "save", pages); });
    };
    CHECK(refused(R"({"words":[{"page":1,"line":9,"word":1,"text":"x"}]})") ==
          "save: words[1] names no line of the page");
    CHECK(refused(R"({"words":[{"page":2,"line":1,"word":1,"text":"x"}]})") ==
          "save: words[1] names no page of the file");
    CHECK(refused(R"({"words":[{"page":1,"line":1,"word":1,"text":"a\nb"}]})") ==
          "save: words[1].text holds a line break or control character");
    CHECK(refused(R"({"words":[{"page":1,"line":1,"word":0,"text":"x"}]})") ==
          "save: words[1].word is not a number from 1");
    CHECK(refused(R"({"decisions":[{"action":"deleted everything"}]})")
              .find("is not a known decision") != std::string::npos);
    CHECK(refused(R"({"decisions":[{"action":"corrected","time":"<script>"}]})") ==
          "save: decisions[1].time is not an ISO 8601 time");
    CHECK(refused(R"({"words":[{"page":1,"line":1,"word":1,"text":"a"},
                               {"page":1,"line":1,"word":1,"text":"b"}]})")
              .find("twice") != std::string::npos);
    CHECK(refused("[1,2]") == "save: not a JSON object");
    CHECK(refused(R"({"words":[{"page":1,"line":1,"word":1,"text":")" + std::string(1001, 'a') +
                  "\"}]}") == "save: words[1].text is longer than 1000 bytes");
}

TEST_CASE("the corrected text is diplomatic, with corrections, restorations and deletions") {
    auto pages = sample_pages();
    const Document ocr = corrected_document(pages, nullptr);
    CHECK(diplomatic_page_text(ocr, 0) == "Слушали сообщение секретаря\n\nПостановили: принять\n");

    ReviewState state;
    state.words = {{{0, 0, 2}, "секретарей", true, true},  // corrected
                   {{0, 1, 0}, "вд", true, false},         // margin line restored
                   {{0, 2, 1}, "", true, true}};           // word deleted by typing nothing
    const Document corrected = corrected_document(pages, &state);
    CHECK(diplomatic_page_text(corrected, 0) ==
          "Слушали сообщение секретарей\n\nвд\n\nПостановили:\n");
    CHECK(corrected[0].lines[0].words[2].confidence == 100);
    CHECK(ocr_error_rate(ocr, corrected, 0) > 0);
    // One letter changed in "Слушали сообщение секретарь Постановили: принять" (48 characters
    // once eval folds the line breaks into spaces).
    ReviewState one;
    one.words = {{{0, 0, 2}, "секретарь", true, true}};
    CHECK(ocr_error_rate(ocr, corrected_document(pages, &one), 0) == Approx(1.0 / 48));
    CHECK(ocr_error_rate(ocr, ocr, 0) == 0);

    // The corrected ALTO has the corrected strings and the restored word, at their boxes.
    pugi::xml_document xml;
    REQUIRE(xml.load_string(to_alto(corrected).c_str()));
    std::vector<std::string> contents;
    for (auto s : xml.select_nodes("//String"))
        contents.push_back(s.node().attribute("CONTENT").value());
    CHECK(contents ==
          std::vector<std::string>{"Слушали", "сообщение", "секретарей", "вд", "Постановили:"});
    auto page = xml.child("alto").child("Layout").child("Page");
    CHECK(page.attribute("WIDTH").as_int() == 400);
    CHECK(page.attribute("HEIGHT").as_int() == 300);
}

TEST_CASE("page list rows count what the reviewer has to look at, worst first") {
    auto pages = sample_pages();
    auto rows = summarize_pages("p", pages, nullptr, 75);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].words == 5);
    CHECK(rows[0].doubtful == 2);
    CHECK(rows[0].removed == 2);
    CHECK(rows[0].replaced == 1);
    CHECK(rows[0].corrections == 0);
    CHECK_FALSE(rows[0].cer);

    ReviewState state;
    state.reviewed = true;
    state.words = {{{0, 0, 2}, "секретарей", true, true}, {{0, 0, 0}, "Слушали", true, true}};
    auto reviewed = summarize_pages("p", pages, &state, 75);
    CHECK(reviewed[0].corrections == 1);  // a checked word left as it was is no correction
    REQUIRE(reviewed[0].cer);
    CHECK(*reviewed[0].cer > 0);

    std::vector<PageSummary> list;
    for (auto [stem, quality, done] : {std::tuple{"a", 0.9, false}, std::tuple{"b", 0.5, true},
                                       std::tuple{"c", 0.7, false}, std::tuple{"d", 0.95, false}}) {
        PageSummary r;
        r.stem = stem;
        r.quality = quality;
        r.reviewed = done;
        list.push_back(r);
    }
    list[3].error = "d.json: not valid JSON";
    sort_worst_first(list);
    std::string order;
    for (auto& r : list) order += r.stem;
    CHECK(order == "dcab");  // unreadable first, then the worst unreviewed, reviewed last
}

TEST_CASE("the review folder names pages by stem and refuses every other name") {
    auto f = test::make_review_folder("review-folder");
    // A page model outside the folder, reached by a link inside it, and a linked folder.
    fs::create_directories(f.root + "/outside");
    fs::copy_file(f.out + "/worse.json", f.root + "/outside/secret.json");
    fs::create_symlink(f.root + "/outside/secret.json", f.out + "/linked.json");
    fs::create_directory_symlink(f.root + "/outside", f.out + "/linkdir");
    std::ofstream(f.out + "/worse.review.json") << "{}";
    std::ofstream(f.out + "/x.report.json") << "{}";
    std::ofstream(f.out + "/only-alto.alto.xml") << "<alto/>";

    ReviewFolder folder(f.out);
    std::vector<std::string> stems;
    for (const PageFiles& p : folder.pages()) stems.push_back(p.stem);
    CHECK(stems == std::vector<std::string>{"better", "box1/deeper", "worse"});
    auto missing = folder.pages_without_json();
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].stem == "only-alto");

    auto files = folder.find("box1/deeper");
    REQUIRE(files);
    CHECK(files->reference == folder.root() + "/box1/deeper.gt.txt");
    CHECK(files->alto == folder.root() + "/box1/deeper.gt.alto.xml");
    CHECK(files->decisions == folder.root() + "/box1/deeper.review.json");
    CHECK(files->text == folder.root() + "/box1/deeper.txt");

    for (const std::string& bad : std::vector<std::string>{
             "../outside/secret", "box1/../worse", "./worse", "/etc/passwd", f.out + "/worse",
             "linked", "linkdir/secret", "box1//deeper", "worse\\", "worse.review", "", "box1/",
             std::string("wor\0se", 6), "worse\n", "nothing"})
        CHECK_FALSE(folder.find(bad));
    CHECK(folder.holds(f.out + "/worse.json"));
    CHECK_FALSE(folder.holds(f.out + "/linked.json"));
    CHECK_THROWS_AS(ReviewFolder(f.root + "/none"), InputError);
}

TEST_CASE("saving writes the three files beside the OCR outputs and grows the decision log") {
    auto f = test::make_review_folder("review-save");
    ReviewFolder folder(f.out);
    auto files = *folder.find("worse");
    const std::string json_before = test::slurp(files.json);
    const std::string text_before = test::slurp(f.out + "/worse.txt");
    auto pages = read_ocr_pages(files.json);

    bool exists = true;
    ReviewState previous = load_review_state(folder, files, pages, &exists);
    CHECK_FALSE(exists);
    ReviewState update;
    update.words = {{{0, 0, 2}, "секретарей", true, true}};
    update.decisions = {{"", "corrected", 0, 0, 2, "секретаря", "секретарей", ""}};
    ReviewState saved = save_review(files, pages, previous, update);
    CHECK_FALSE(saved.decisions[0].time.empty());

    CHECK(test::slurp(files.reference) == "Слушали сообщение секретарей\n\nПостановили: принять\n");
    CHECK(test::slurp(files.alto).find("CONTENT=\"секретарей\"") != std::string::npos);
    CHECK(test::slurp(files.json) == json_before);
    CHECK(test::slurp(f.out + "/worse.txt") == text_before);

    ReviewState reopened = load_review_state(folder, files, pages, &exists);
    CHECK(exists);
    REQUIRE(reopened.words.size() == 1);
    CHECK(reopened.words[0].text == "секретарей");
    CHECK(reopened.saved == saved.saved);

    ReviewState second;
    second.reviewed = true;
    second.words = reopened.words;
    second.decisions = {{"2024-05-01T10:00:00Z", "reviewed", -1, -1, -1, "", "", ""}};
    save_review(files, pages, reopened, second);
    ReviewState after = load_review_state(folder, files, pages);
    CHECK(after.reviewed);
    REQUIRE(after.decisions.size() == 2);
    CHECK(after.decisions[0].action == "corrected");
    CHECK(after.decisions[1].action == "reviewed");

    // A link in place of an output is never written through.
    const std::string elsewhere = f.root + "/elsewhere.txt";
    std::ofstream(elsewhere) << "keep me";
    fs::remove(files.reference);
    fs::create_symlink(elsewhere, files.reference);
    CHECK(message_of([&] {
              save_review(files, pages, after, second);
          }).find("is a symbolic link") != std::string::npos);
    CHECK(test::slurp(elsewhere) == "keep me");
    // A decision log that does not fit the page is an error, not an empty state.
    std::ofstream(files.decisions) << R"({"words":[{"page":1,"line":99,"word":1,"text":"x"}]})";
    CHECK(message_of([&] {
              load_review_state(folder, files, pages);
          }).find("names no line of the page") != std::string::npos);
}
