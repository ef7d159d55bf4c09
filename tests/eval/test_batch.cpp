// Pairing folders by page stem, missing partners, per-page failures, error attribution on
// --keep-noise output, confusion counting, and the JSON report.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/eval/batch.hpp"
#include "scanfix/eval/report_text.hpp"
#include "test_paths.hpp"

using namespace scanfix;
using namespace scanfix::eval;

namespace {

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("eval: page stems drop known extensions and tags only") {
    CHECK(page_stem("/a/b/page-01.gt.txt") == "page-01");
    CHECK(page_stem("page-01.txt") == "page-01");
    CHECK(page_stem("EHRI-BF-19380111_DE_02.xml") == "EHRI-BF-19380111_DE_02");
    CHECK(page_stem("doc.v2.hocr") == "doc.v2");
    CHECK(page_stem(".hidden") == ".hidden");
}

TEST_CASE("eval: folders are paired by stem and missing partners are reported") {
    std::string dir = test::temp_dir("eval-pairs");
    write(dir + "/ref/p1.gt.txt", "один");
    write(dir + "/ref/p2.gt.txt", "два");
    write(dir + "/ref/scan.jpg", "not text");
    write(dir + "/hyp/p1.txt", "один");
    write(dir + "/hyp/p3.txt", "три");
    Pairing p = pair_files(dir + "/ref", dir + "/hyp");
    REQUIRE(p.pairs.size() == 1);
    CHECK(p.pairs[0].name == "p1");
    REQUIRE(p.missing_hypotheses.size() == 1);
    CHECK(page_stem(p.missing_hypotheses[0]) == "p2");
    REQUIRE(p.missing_references.size() == 1);
    CHECK(page_stem(p.missing_references[0]) == "p3");

    CHECK_THROWS_AS(pair_files(dir + "/ref", dir + "/hyp/p1.txt"), InputError);
    CHECK_THROWS_AS(pair_files(dir + "/nothing", dir + "/hyp"), InputError);
    write(dir + "/hyp/p1.xml", "<?xml version=\"1.0\"?><alto/>");
    CHECK_THROWS_AS(pair_files(dir + "/ref", dir + "/hyp"), InputError);
}

TEST_CASE("eval: a page that cannot be read is recorded and the batch goes on") {
    std::string dir = test::temp_dir("eval-fail");
    write(dir + "/ref/a.txt", "abc");
    write(dir + "/hyp/a.txt", "abd");
    write(dir + "/ref/b.txt", "abc");
    write(dir + "/hyp/b.txt", "a\xFF");
    EvalReport r = evaluate_files(pair_files(dir + "/ref", dir + "/hyp"), {});
    REQUIRE(r.pages.size() == 1);
    REQUIRE(r.failures.size() == 1);
    CHECK(r.failures[0].files.name == "b");
    CHECK(r.failures[0].message.find("UTF-8") != std::string::npos);
    CHECK(r.characters.substitutions == 1);
}

TEST_CASE("eval: totals are sums of counts, not averages of rates") {
    std::string dir = test::temp_dir("eval-totals");
    write(dir + "/ref/a.txt", "abcdefghij");  // 10 characters, 1 error
    write(dir + "/hyp/a.txt", "abcdefghiX");
    write(dir + "/ref/b.txt", "ab");  // 2 characters, 2 errors
    write(dir + "/hyp/b.txt", "XY");
    EvalReport r = evaluate_files(pair_files(dir + "/ref", dir + "/hyp"), {});
    CHECK(r.characters.reference_length == 12);
    CHECK(r.cer() == Approx(3.0 / 12));

    auto j = nlohmann::json::parse(render_json_report(r));
    CHECK(j["cer"].get<double>() == Approx(0.25));
    CHECK(j["substitutions"].get<int>() == 3);
    CHECK(j["reference_length"].get<int>() == 12);
    REQUIRE(j["pages"].size() == 2);
    CHECK(j["pages"][1]["cer"].get<double>() == Approx(1.0));
    CHECK(j["normalizations"] == nlohmann::json::array({"whitespace"}));
    CHECK(j["confusions"][0]["count"].get<int>() >= 1);
}

TEST_CASE("eval: error attribution splits recognition, wrongly removed text and kept noise") {
    // Reference: the main text only. Hypothesis: "--keep-noise" output of a cleanup that
    // removed a real word (Иван) and a folio number (12), kept a stray "345", misread one letter.
    std::string ref = "Совершенно секретно\nИван Петров";
    std::string hyp = "Совершенно секретнo\n⟦Иван⟧ Петров ⟦12⟧ 345";
    ErrorAttribution a = attribute_errors(ref, hyp);
    CHECK(a.recognition == 1);        // о read as Latin o
    CHECK(a.wrongly_removed == 5);    // "Иван" and its space
    CHECK(a.noise_kept == 4);         // " 345"
    CHECK(a.correctly_removed == 3);  // "12" and its space
    CHECK(a.reference_length == 31);
    EvalResult kept = evaluate(ref, without_removed(hyp));
    CHECK(kept.characters.errors() <= a.errors());
    CHECK(without_removed("a ⟦b⟧ c") == "a  c");
    CHECK(has_removal_marks(hyp));
    CHECK_FALSE(has_removal_marks(ref));
}

TEST_CASE("eval: confusions count substitutions, deletions and insertions by character") {
    EvalReport r;
    FilePair files{"p", "r", "h"};
    add_page(r, files, {"ИИИ кот", TextFormat::Plain}, {"ППИ кот!", TextFormat::Plain}, {});
    auto c = r.analysis.confusions();
    REQUIRE(c.size() == 2);
    CHECK(c[0].reference == "И");
    CHECK(c[0].hypothesis == "П");
    CHECK(c[0].count == 2);
    CHECK(c[1].reference.empty());
    CHECK(c[1].hypothesis == "!");
    auto w = r.analysis.wrong_words();
    REQUIRE(w.size() == 2);
    CHECK(w[0].count == 1);
}
