// The pages of a file, read on different workers in any order, come together as one document
// when the last of them is in; failed pages are left out.
#include <catch2/catch.hpp>

#include "scanfix/batch/document_assembly.hpp"

using namespace scanfix;
using namespace scanfix::batch;

namespace {
Page page_of(const std::string& source, int index) {
    Page p;
    p.source = source;
    p.index = index;
    return p;
}
}  // namespace

TEST_CASE("a file's pages are handed on together, in page order, once all are in") {
    const std::vector<PageTask> tasks = {{"a.tif", 0, 3, "a-p0001"},
                                         {"a.tif", 1, 3, "a-p0002"},
                                         {"a.tif", 2, 3, "a-p0003"},
                                         {"b.png", 0, 1, "b"}};
    DocumentAssembly assembly(tasks);
    CHECK_FALSE(assembly.add(tasks[2], page_of("a.tif", 2)));
    auto single = assembly.add(tasks[3], page_of("b.png", 0));
    REQUIRE(single);
    CHECK(single->pages.size() == 1);
    CHECK_FALSE(assembly.add(tasks[0], page_of("a.tif", 0)));
    auto whole = assembly.add(tasks[1], page_of("a.tif", 1));
    REQUIRE(whole);
    REQUIRE(whole->pages.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(whole->pages[i].index == i);
        CHECK(whole->tasks[i]->stem == tasks[i].stem);
    }
}

TEST_CASE("a failed page is left out of its file's document") {
    const std::vector<PageTask> tasks = {{"a.pdf", 0, 2, "a-p0001"}, {"a.pdf", 1, 2, "a-p0002"}};
    DocumentAssembly assembly(tasks);
    CHECK_FALSE(assembly.add(tasks[0], std::nullopt));
    auto doc = assembly.add(tasks[1], page_of("a.pdf", 1));
    REQUIRE(doc);
    REQUIRE(doc->pages.size() == 1);
    CHECK(doc->tasks[0]->page == 1);
}
