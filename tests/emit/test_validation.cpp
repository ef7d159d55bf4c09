// ALTO and PAGE output validated against the official ALTO 4.4 and PAGE 2019-07-15 schemas
// (../shared/schemas), hOCR against the XHTML DTD and the hOCR specification's rules, on a
// two-page document with removed words, markup characters and several blocks. The hOCR rules
// are checked on broken documents too, so that a checker passing everything cannot pass here.
#include <catch2/catch.hpp>
#include <fstream>

#include "emit_fixtures.hpp"
#include "hocr_check.hpp"
#include "scanfix/emit/formats.hpp"
#include "test_paths.hpp"
#include "test_skip.hpp"
#include "xml_validation.hpp"

using namespace scanfix;

namespace {

// sample_page() as page `index` of a document, with quotes and an ampersand to escape.
Page folio(int index) {
    Page page = test::sample_page();
    page.source = "/scans/box 3/folio-" + std::to_string(index) + ".png";
    page.index = index;
    page.lines[0].box.width = 560;
    page.lines[0].words.push_back(Word{"\"&'", {610, 100, 50, 40}, 0});
    return page;
}

std::string written(const std::string& dir, const std::string& name, const std::string& text) {
    std::string path = dir + "/" + name;
    std::ofstream(path) << text;
    return path;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace

TEST_CASE("ALTO and PAGE XML validate against the official schemas") {
    if (std::string why = test::schema_validation_unavailable(); !why.empty()) SCANFIX_SKIP(why);
    std::string dir = test::temp_dir("emit-schemas");
    Document doc{folio(0), folio(1)};
    std::string alto = written(dir, "doc.alto.xml", to_alto(doc));
    std::string err = test::alto_schema_errors(alto);
    INFO(err);
    CHECK(err.empty());
    for (const Page& page : doc) {
        std::string file =
            written(dir, "p" + std::to_string(page.index) + ".page.xml", to_page_xml(page));
        std::string page_err = test::page_schema_errors(file);
        INFO(page_err);
        CHECK(page_err.empty());
    }
    // The schemas do reject: a String without CONTENT, a TextLine without Coords.
    std::string broken = to_alto(doc);
    broken.replace(broken.find(" CONTENT="), 9, " CONTENTS=");
    CHECK_FALSE(test::alto_schema_errors(written(dir, "broken.alto.xml", broken)).empty());
    std::string broken_page = to_page_xml(doc[0]);
    size_t coords = broken_page.find("<Coords", broken_page.find("<TextLine"));
    broken_page.erase(coords, broken_page.find("/>", coords) + 2 - coords);
    CHECK_FALSE(test::page_schema_errors(written(dir, "broken.page.xml", broken_page)).empty());
}

TEST_CASE("hOCR is valid XHTML and follows the hOCR specification") {
    std::string hocr = to_hocr({folio(0), folio(1)});
    INFO(joined(test::hocr_problems(hocr)));
    CHECK(test::hocr_problems(hocr).empty());
    if (std::string why = test::xhtml_validation_unavailable(); !why.empty()) SCANFIX_SKIP(why);
    std::string dir = test::temp_dir("emit-hocr");
    std::string err = test::xhtml_dtd_errors(written(dir, "doc.hocr", hocr));
    INFO(err);
    CHECK(err.empty());
}

TEST_CASE("the hOCR check finds each broken rule") {
    const std::string good = to_hocr({folio(0)});
    REQUIRE(test::hocr_problems(good).empty());
    auto broken = [&](const std::string& from, const std::string& to) {
        std::string s = good;
        size_t at = s.find(from);
        REQUIRE(at != std::string::npos);
        s.replace(at, from.size(), to);
        return test::hocr_problems(s);
    };
    auto mentions = [](const std::vector<std::string>& problems, const std::string& what) {
        for (const std::string& p : problems)
            if (p.find(what) != std::string::npos) return true;
        return false;
    };
    CHECK(mentions(broken("name=\"ocr-system\"", "name=\"x-system\""), "ocr-system"));
    CHECK(mentions(broken("ocr_page ocr_carea", "ocr_page"), "ocr_carea is used but not listed"));
    CHECK(mentions(broken("bbox 100 100 300 140", "bbox 300 100 100 140"), "is not x0 y0 x1 y1"));
    CHECK(mentions(broken("bbox 100 100 300 140", "bbox 100 100 3000 140"), "not inside"));
    CHECK(mentions(broken("x_wconf 92", "x_wconf 192"), "x_wconf"));
    CHECK(mentions(broken("id=\"word_2\"", "id=\"word_1\""), "duplicate id word_1"));
    CHECK(mentions(broken("class=\"ocr_line\"", "class=\"ocrx_word\""), "ocrx_word"));
    CHECK(mentions(broken("ppageno 0", "ppageno first"), "ppageno"));
    CHECK(mentions(test::hocr_problems("<html><body>"), "not well-formed"));
}
