// Output paths mirror the input folders; inputs that would share outputs are refused; a resumed
// plan leaves out exactly the pages whose outputs are all there.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "scanfix/batch/output_layout.hpp"
#include "scanfix/batch/plan.hpp"
#include "scanfix/core/error.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::batch;

namespace {
void image(const fs::path& p) {
    fs::create_directories(p.parent_path());
    cv::imwrite(p.string(), cv::Mat(20, 20, CV_8UC1, cv::Scalar(255)));
}
}  // namespace

TEST_CASE("outputs mirror the input folders below their common folder") {
    fs::path dir = test::temp_dir("layout-mirror");
    image(dir / "box1/f1/p.png");
    image(dir / "box2/p.png");
    SECTION("two folders with the same file names") {
        InputList in = expand_inputs({(dir / "box1").string(), (dir / "box2").string()});
        OutputLayout layout(in);
        CHECK(layout.root() == dir.string());
        CHECK(layout.file_stem(0) == "box1/f1/p");
        CHECK(layout.file_stem(1) == "box2/p");
    }
    SECTION("one folder: its own layout below -o") {
        OutputLayout layout(expand_inputs({(dir / "box1").string() + "/"}));
        CHECK(layout.file_stem(0) == "f1/p");
    }
    SECTION("files of one folder: their bare names, as before batches mirrored anything") {
        image(dir / "box2/q.png");
        OutputLayout layout(
            expand_inputs({(dir / "box2/p.png").string(), (dir / "box2/q.png").string()}));
        CHECK(layout.file_stem(0) == "p");
        CHECK(layout.file_stem(1) == "q");
    }
    fs::remove_all(dir);
}

TEST_CASE("inputs that would write the same outputs are refused, naming both") {
    fs::path dir = test::temp_dir("layout-collide");
    image(dir / "a.png");
    image(dir / "a.tif");
    try {
        OutputLayout layout(expand_inputs({dir.string()}));
        FAIL("no collision reported");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("a.png") != std::string::npos);
        CHECK(std::string(e.what()).find("a.tif") != std::string::npos);
    }
    fs::remove_all(dir);
    image(dir / "doc.tif");
    image(dir / "doc-p0002.png");
    CHECK_THROWS_AS(OutputLayout(expand_inputs({dir.string()})), InputError);
    fs::remove_all(dir);
}

TEST_CASE("page stems number the pages of multi-page files only") {
    CHECK(page_stem("box/f", 0, 1) == "box/f");
    CHECK(page_stem("box/f", 0, 3) == "box/f-p0001");
    CHECK(page_stem("box/f", 11, 12) == "box/f-p0012");
    auto paths = output_paths("box/f-p0002", {{"/out", ".txt"}, {"/rep", ".report.json"}});
    CHECK(paths ==
          std::vector<std::string>{"/out/box/f-p0002.txt", "/rep/box/f-p0002.report.json"});
}

TEST_CASE("a resumed plan skips exactly the files whose pages' outputs all exist") {
    fs::path dir = test::temp_dir("plan-resume");
    image(dir / "in/a.png");
    image(dir / "in/b.png");
    std::vector<cv::Mat> three(3, cv::Mat(20, 20, CV_8UC1, cv::Scalar(255)));
    cv::imwritemulti((dir / "in/c.tif").string(), three);
    std::ofstream(dir / "in/broken.png") << "not an image";
    InputList in = expand_inputs({(dir / "in").string()});
    OutputLayout layout(in);
    PlanOptions opt;
    opt.targets = {{(dir / "out").string(), ".txt"}, {(dir / "out").string(), ".alto.xml"}};

    BatchPlan all = plan_batch(in, layout, opt);
    CHECK(all.todo.size() == 5);  // a, b, c ×3
    REQUIRE(all.failures.size() == 1);
    CHECK(all.failures[0].source.find("broken.png") != std::string::npos);

    fs::create_directories(dir / "out");
    for (const char* f :
         {"a.txt", "a.alto.xml", "c-p0002.txt", "c-p0002.alto.xml", "b.txt", ".b.alto.xml.part"})
        std::ofstream(dir / "out" / f) << "done";
    opt.resume = true;
    BatchPlan rest = plan_batch(in, layout, opt);
    CHECK(rest.finished_before == 1);
    std::vector<std::string> stems;
    for (const PageTask& t : rest.todo) stems.push_back(t.stem);
    // b has only one of its two outputs (the other is a temporary file of a killed run): redone.
    // c's pages are cleaned as one document: one page unfinished means all three are redone.
    CHECK(stems == std::vector<std::string>{"b", "c-p0001", "c-p0002", "c-p0003"});
    for (const char* f : {"c-p0001.txt", "c-p0001.alto.xml", "c-p0003.txt", "c-p0003.alto.xml"})
        std::ofstream(dir / "out" / f) << "done";
    BatchPlan last = plan_batch(in, layout, opt);
    CHECK(last.finished_before == 4);
    REQUIRE(last.todo.size() == 1);
    CHECK(last.todo[0].stem == "b");

    opt.resume = false;
    opt.shard = Shard{1, 2};  // files b and c... every second file from the second on
    BatchPlan half = plan_batch(in, layout, opt);
    for (const PageTask& t : half.todo) CHECK(fs::path(t.source).filename() != "a.png");
    fs::remove_all(dir);
}
