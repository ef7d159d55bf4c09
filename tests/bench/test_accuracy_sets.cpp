// The accuracy benchmark's fixed sets and its arithmetic: document ids, the EHRI split file
// against the pages on disk, the synthetic set file, per-set means against totals, pages worse
// than plain Tesseract, medians, and the JSON run file with its comparison.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "accuracy/page_cases.hpp"
#include "accuracy/results.hpp"
#include "scanfix/core/error.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::bench;

namespace {

PageRecord record(const std::string& name, size_t length, size_t plain, size_t sauvola,
                  size_t scanfix, double seconds) {
    PageRecord r;
    r.page.name = name;
    r.page.source = "ehri";
    r.page.half = "measured";
    r.page.sets = {"A"};
    r.reference_length = length;
    r.methods[kPlain] = {plain, seconds, ""};
    r.methods[kSauvola] = {sauvola, seconds * 2, ""};
    r.methods[kScanfix] = {scanfix, seconds * 3, ""};
    return r;
}

}  // namespace

TEST_CASE("a document is the page's file name without its trailing page part") {
    CHECK(ehri_document("EHRI-BF-19380311b_CZ_02") == "EHRI-BF-19380311b_CZ");
    CHECK(ehri_document("EHRI-DR-19410127-DK_01") == "EHRI-DR-19410127-DK");
    CHECK(ehri_document("EHRI-ET-JMP010_06") == "EHRI-ET-JMP010");
    CHECK(ehri_document("EHRI-DR-19431025_DK_01") == "EHRI-DR-19431025_DK");
}

TEST_CASE("the EHRI split names every page's document, and each half has every language") {
    const std::string split_file = test::source_dir() + "/bench/ehri_split.txt";
    auto split = read_ehri_split(split_file);
    REQUIRE(split.size() >= 30);
    std::string data = test::shared_data_dir();
    if (data.empty() || !fs::is_directory(data + "/ehri")) {
        WARN("skipped: ../shared/data/ehri is not there");
        return;
    }
    std::vector<std::string> skipped;
    auto pages = ehri_pages(data + "/ehri", split, skipped);
    CHECK(skipped.empty());
    REQUIRE(pages.size() >= 72);
    std::map<std::string, std::set<std::string>> languages;  // half -> languages
    std::map<std::string, int> counts;
    std::set<std::string> documents;
    for (const PageCase& c : pages) {
        languages[c.half].insert(c.lang);
        ++counts[c.half];
        documents.insert(c.document);
    }
    CHECK(languages["development"] == std::set<std::string>{"ces", "dan", "deu", "eng", "slk"});
    CHECK(languages["measured"] == languages["development"]);
    CHECK(counts["measured"] >= 15);
    // Every document of the split still has pages (no stale entries).
    for (const auto& [document, half] : split) CHECK(documents.count(document) == 1);
}

TEST_CASE("a malformed split line is refused with its file and line") {
    std::string dir = test::temp_dir("bench-split");
    {
        std::ofstream out(dir + "/split.txt");
        out << "# comment\nEHRI-ET-JMP010 development\nEHRI-ET-JMP020 tuning\n";
    }
    try {
        read_ehri_split(dir + "/split.txt");
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("split.txt:3") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("the synthetic set has at least 60 one-page lines, each with its own seed") {
    auto set = read_synthetic_set(test::source_dir() + "/bench/synthetic_set.txt");
    REQUIRE(set.size() >= 60);
    std::set<std::string> names, seeds, variants;
    for (const SyntheticSpec& s : set) {
        CHECK(names.insert(s.name).second);
        CHECK(fs::exists(test::source_dir() + "/" + s.text));
        const bool one_page = s.options.find("--page ") != std::string::npos ||
                              s.options.find("--short-page ") != std::string::npos;
        CHECK(one_page);
        auto at = s.options.find("--seed ");
        REQUIRE(at != std::string::npos);
        CHECK(seeds.insert(s.options.substr(at, s.options.find(' ', at + 7) - at)).second);
        variants.insert(s.variant);
    }
    for (const char* v :
         {"violet ribbon", "blue ribbon", "carbon copy", "short page", "verse", "dialogue",
          "two columns", "table or form", "heavy dust", "photographed", "clean"})
        CHECK(variants.count(v) == 1);
}

TEST_CASE("per-set figures: mean page CER, total CER, best of two, worse pages, medians") {
    std::vector<PageRecord> rs = {record("p1", 100, 10, 20, 5, 1.0),
                                  record("p2", 1000, 100, 50, 70, 3.0),
                                  record("p3", 100, 0, 10, 7, 2.0)};
    rs[2].page.sets = {"A", "B"};
    auto sets = summarise(rs, {"A", "B", "C"});
    REQUIRE(sets.size() == 2);  // C has no pages
    const SetSummary& a = sets[0];
    CHECK(a.pages == 3);
    CHECK(a.mean_cer[kPlain] == Approx((0.10 + 0.10 + 0.0) / 3));
    CHECK(a.mean_cer[kBest] == Approx((0.10 + 0.05 + 0.0) / 3));
    CHECK(a.mean_cer[kScanfix] == Approx((0.05 + 0.07 + 0.07) / 3));
    CHECK(a.total_cer[kPlain] == Approx(110.0 / 1200));
    CHECK(a.total_cer[kBest] == Approx(60.0 / 1200));
    CHECK(a.worse_1 == 1);  // p3: 7 points worse than plain
    CHECK(a.worse_5 == 1);
    CHECK(a.median_seconds[kPlain] == Approx(2.0));
    CHECK(a.median_seconds[kScanfix] == Approx(6.0));
    CHECK(a.time_ratio() == Approx(3.0));
    CHECK(sets[1].name == "B");
    CHECK(sets[1].pages == 1);
}

TEST_CASE("a run's JSON reads back, and two runs compare page by page") {
    std::vector<PageRecord> first = {record("p1", 100, 10, 20, 5, 1.0),
                                     record("p2", 100, 10, 20, 30, 1.0)};
    first[1].methods[kScanfix].error = "engine failed";
    RunInfo info;
    info.command = "bench_page_accuracy";
    std::string dir = test::temp_dir("bench-json");
    {
        std::ofstream out(dir + "/a.json");
        out << run_json(info, first);
    }
    RunInfo read_info;
    auto back = read_run(dir + "/a.json", &read_info);
    REQUIRE(back.size() == 2);
    CHECK(read_info.command == "bench_page_accuracy");
    std::string report = run_report(read_info, back);
    CHECK(report.rfind("2 pages.", 0) == 0);
    CHECK(report.find("| A | 2 | 10.00 | 20.00 | 10.00 | **17.50** | 1 | 1 |") !=
          std::string::npos);
    CHECK(back[1].methods[kScanfix].errors == 30);
    CHECK(back[1].methods[kScanfix].error == "engine failed");
    CHECK(back[0].page.sets == first[0].page.sets);
    CHECK(back[0].cer(kScanfix) == Approx(0.05));
    std::vector<PageRecord> second = back;
    second[1].methods[kScanfix].errors = 8;
    std::string table = compare_runs(back, second);
    CHECK(table.find("| p2 | measured | 10.00 | 30.00 | 8.00 | -22.00 |") != std::string::npos);
    CHECK(table.find("2 pages in both runs") != std::string::npos);
    {
        std::ofstream out(dir + "/bad.json");
        out << "{\"pages\": [{\"page\": 1}]}";
    }
    CHECK_THROWS_AS(read_run(dir + "/bad.json"), InputError);
    fs::remove_all(dir);
}
