// Input expansion: folders searched recursively in a stable order, hidden files left out,
// manifests with comments, duplicates kept once, and --shard partitions that cover everything.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "scanfix/batch/inputs.hpp"
#include "scanfix/batch/shard.hpp"
#include "scanfix/core/error.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::batch;

namespace {
void touch(const fs::path& p) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << "x";
}
}  // namespace

TEST_CASE("a folder gives its page files recursively, sorted, without hidden ones") {
    fs::path dir = test::temp_dir("inputs-folder");
    for (const char* f : {"b/2.png", "a/1.tif", "a/0.jpg", "c/doc.pdf", "notes.txt", ".hidden.png",
                          ".cache/x.png", "a/.part.png", "d/E.JPEG"})
        touch(dir / f);
    InputList in = expand_inputs({dir.string()});
    std::vector<std::string> rel;
    for (const std::string& f : in.files)
        rel.push_back(fs::path(f).lexically_relative(dir).string());
    CHECK(rel ==
          std::vector<std::string>{"a/0.jpg", "a/1.tif", "b/2.png", "c/doc.pdf", "d/E.JPEG"});
    REQUIRE(in.anchors.size() == 1);
    CHECK(in.anchors[0] == dir.string());
    fs::remove_all(dir);
}

TEST_CASE("manifests list inputs one per line, with comments, and duplicates count once") {
    fs::path dir = test::temp_dir("inputs-manifest");
    touch(dir / "x/1.png");
    touch(dir / "y/2.png");
    std::ofstream(dir / "list.txt")
        << "# pages of box 3\n"
        << (dir / "x/1.png").string() << "\n\n   " << (dir / "y/2.png").string() << "  \r\n"
        << (dir / "x/../x/1.png").string() << "\n";
    CHECK(read_manifest((dir / "list.txt").string()).size() == 3);
    InputList in = expand_inputs({(dir / "y/2.png").string()}, {(dir / "list.txt").string()});
    REQUIRE(in.files.size() == 2);
    CHECK(fs::path(in.files[0]).filename() == "2.png");  // arguments first, then the manifest
    CHECK(fs::path(in.files[1]).filename() == "1.png");
    CHECK_THROWS_AS(read_manifest((dir / "nope.txt").string()), InputError);
    fs::remove_all(dir);
}

TEST_CASE("a missing file is kept for the batch to report, an empty folder is refused") {
    fs::path dir = test::temp_dir("inputs-missing");
    fs::create_directories(dir / "empty");
    CHECK(expand_inputs({(dir / "gone.png").string()}).files.size() == 1);
    CHECK_THROWS_AS(expand_inputs({(dir / "empty").string()}), InputError);
    fs::remove_all(dir);
}

TEST_CASE("shards K/N are disjoint and together cover every file") {
    for (size_t total : {0u, 1u, 7u, 100u}) {
        for (int n : {1, 2, 3, 8}) {
            std::multiset<size_t> seen;
            for (int k = 0; k < n; ++k) {
                auto part = shard_positions(total, Shard{k, n});
                for (size_t p : part) {
                    CHECK(Shard{k, n}.takes(p));
                    seen.insert(p);
                }
                // Balanced: no shard has more than one file more than another.
                CHECK(part.size() >= total / size_t(n));
                CHECK(part.size() <= total / size_t(n) + 1);
            }
            CHECK(seen.size() == total);
            for (size_t i = 0; i < total; ++i) CHECK(seen.count(i) == 1);
        }
    }
}

TEST_CASE("shard K/N is parsed strictly") {
    Shard s = parse_shard("2/5");
    CHECK(s.index == 2);
    CHECK(s.count == 5);
    for (const char* bad : {"5/5", "1/0", "a/2", "1", "1/2/3", "-1/2", "/2", "1/"})
        CHECK_THROWS_AS(parse_shard(bad), UsageError);
}
