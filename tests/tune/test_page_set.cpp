// Pairing page images with references by page name, and the seeded held-out split.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "scanfix/core/error.hpp"
#include "scanfix/tune/page_set.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::tune;

namespace {
void touch(const fs::path& p) {
    std::ofstream(p) << "x\n";
}
}  // namespace

TEST_CASE("images pair with references of the same page name, in one folder or two") {
    fs::path dir = test::temp_dir("tune_pairs");
    for (const char* f :
         {"page-01.png", "page-01.gt.txt", "page-01.lines.gt.txt", "page-01.txt",
          "page-01.noise.json", "page-02.jpg", "page-02.xml", "page-03.tif", "notes.txt"})
        touch(dir / f);
    PageSet set = find_tune_pages(dir.string(), dir.string());
    REQUIRE(set.pages.size() == 2);
    CHECK(set.pages[0].name == "page-01");
    // The ".gt" reference wins over an untagged text of the same page (an older OCR output).
    CHECK(fs::path(set.pages[0].reference).filename() == "page-01.gt.txt");
    CHECK(fs::path(set.pages[1].reference).filename() == "page-02.xml");
    REQUIRE(set.without_reference.size() == 1);
    CHECK(fs::path(set.without_reference[0]).filename() == "page-03.tif");

    fs::path refs = test::temp_dir("tune_pairs_refs");
    touch(refs / "page-03.gt.txt");
    PageSet other = find_tune_pages(dir.string(), refs.string());
    REQUIRE(other.pages.size() == 1);
    CHECK(other.pages[0].name == "page-03");
}

TEST_CASE("of a reviewed page's two references the plain text is taken, whatever the order") {
    for (const char* order : {"text-first", "alto-first"}) {
        fs::path dir = test::temp_dir(std::string("tune_pairs_reviewed_") + order);
        std::vector<const char*> files = {"p.gt.txt", "p.gt.alto.xml"};
        if (std::string(order) == "alto-first") std::swap(files[0], files[1]);
        for (const char* f : files) touch(dir / f);
        for (const char* f : {"p.png", "p.txt", "p.alto.xml", "p.json", "p.review.json"})
            touch(dir / f);
        PageSet set = find_tune_pages(dir.string(), dir.string());
        REQUIRE(set.pages.size() == 1);
        CHECK(fs::path(set.pages[0].reference).filename() == "p.gt.txt");
    }
}

TEST_CASE("two untagged references for one page and missing folders are refused") {
    fs::path dir = test::temp_dir("tune_pairs_ambiguous");
    for (const char* f : {"p.png", "p.txt", "p.xml"}) touch(dir / f);
    CHECK_THROWS_AS(find_tune_pages(dir.string(), dir.string()), InputError);
    CHECK_THROWS_AS(find_tune_pages((dir / "nope").string(), dir.string()), InputError);
}

TEST_CASE("the held-out split is fixed by the seed and keeps pages on both sides") {
    std::vector<TunePage> pages;
    for (int i = 0; i < 10; ++i) pages.push_back({"p" + std::to_string(i), "", ""});
    PageSplit a = split_pages(pages, 0.3, 7), b = split_pages(pages, 0.3, 7);
    CHECK(a.holdout.size() == 3);
    CHECK(a.train.size() == 7);
    std::vector<std::string> ha, hb;
    for (auto& p : a.holdout) ha.push_back(p.name);
    for (auto& p : b.holdout) hb.push_back(p.name);
    CHECK(ha == hb);
    // Another seed picks other pages (for these ten pages and these seeds).
    std::set<std::string> seen;
    for (std::uint64_t seed = 1; seed <= 5; ++seed)
        for (auto& p : split_pages(pages, 0.3, seed).holdout) seen.insert(p.name);
    CHECK(seen.size() > 3);
    // Nothing is lost or doubled.
    std::set<std::string> all;
    for (auto& p : a.train) all.insert(p.name);
    for (auto& p : a.holdout) all.insert(p.name);
    CHECK(all.size() == 10);

    CHECK(split_pages({pages[0], pages[1]}, 0.1, 1).holdout.size() == 1);
    CHECK(split_pages({pages[0]}, 0.5, 1).train.size() == 1);
    CHECK(split_pages(pages, 0, 1).holdout.empty());
}
