// hOCR, ALTO, PAGE XML and JSON output: well-formed, kept words only (JSON keeps all, flagged),
// boxes and text where the formats put them, special characters escaped.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "emit_fixtures.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/emit/formats.hpp"
#include "scanfix/emit/report.hpp"

using namespace scanfix;
using scanfix::test::sample_page;

namespace {

pugi::xml_document parse(const std::string& s) {
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_string(s.c_str());
    INFO(r.description());
    REQUIRE(r);
    return doc;
}
}  // namespace

TEST_CASE("format names parse and unknown ones are refused") {
    auto f = parse_output_formats("txt,hocr,alto,page,json");
    CHECK(f.size() == 5);
    CHECK(output_extension(OutputFormat::Alto) == ".alto.xml");
    CHECK_THROWS_AS(parse_output_formats("txt,pdf"), ConfigError);
}

TEST_CASE("ALTO holds kept words with geometry and confidence") {
    auto xml = parse(to_alto({sample_page()}));
    auto page = xml.child("alto").child("Layout").child("Page");
    CHECK(page.attribute("WIDTH").as_int() == 800);
    int strings = 0;
    std::string contents;
    for (auto tb : page.child("PrintSpace").children("TextBlock"))
        for (auto tl : tb.children("TextLine"))
            for (auto s : tl.children("String")) {
                ++strings;
                contents += std::string(s.attribute("CONTENT").value()) + "|";
            }
    CHECK(strings == 4);
    CHECK(contents == "Строго|<секретно>|Ким|&|");
    auto first = page.child("PrintSpace").child("TextBlock").child("TextLine").child("String");
    CHECK(first.attribute("HPOS").as_int() == 100);
    CHECK(first.attribute("WC").as_double() == Approx(0.92).margin(0.01));
    CHECK(page.child("PrintSpace").select_nodes("TextBlock").size() == 2);
}

TEST_CASE("hOCR has pages, lines and words with bboxes") {
    auto xml = parse(to_hocr({sample_page()}));
    auto words = xml.select_nodes("//span[@class='ocrx_word']");
    REQUIRE(words.size() == 4);
    CHECK(std::string(words[0].node().attribute("title").value()) ==
          "bbox 100 100 300 140; x_wconf 92");
    CHECK(std::string(words[1].node().child_value()) == "<секретно>");
    CHECK(xml.select_nodes("//div[@class='ocr_page']").size() == 1);
}

TEST_CASE("PAGE XML has regions, lines, words and text at each level") {
    auto xml = parse(to_page_xml(sample_page()));
    auto page = xml.child("PcGts").child("Page");
    CHECK(std::string(page.attribute("imageFilename").value()) == "folio-7.png");
    auto lines = xml.select_nodes("//TextLine");
    REQUIRE(lines.size() == 2);
    CHECK(std::string(lines[0].node().child("TextEquiv").child("Unicode").child_value()) ==
          "Строго <секретно>");
    CHECK(std::string(lines[0].node().child("Coords").attribute("points").value()) ==
          "100,100 600,100 600,140 100,140");
}

TEST_CASE("JSON keeps removed words flagged and the decision log") {
    auto j = nlohmann::json::parse(to_json({sample_page()}));
    auto& page = j["pages"][0];
    CHECK(page["lines"].size() == 3);
    CHECK(page["lines"][1]["words"][0]["removed"] == true);
    CHECK(page["log"][0]["stage"] == "margin_column");
    CHECK(page["log"][0]["line"] == 2);
    // The scan by an absolute path (a viewer started in another folder must find it).
    CHECK(page["image"] == "/scans/folio-7.png");
    CHECK(page["width"] == 800);
    Page relative = sample_page();
    relative.source = "scans/folio-7.png";
    auto j2 = nlohmann::json::parse(to_json({relative}));
    CHECK(j2["pages"][0]["source"] == "scans/folio-7.png");
    const std::string image = j2["pages"][0]["image"];
    CHECK(image.front() == '/');
    CHECK(image.size() > std::string("/scans/folio-7.png").size());
    CHECK(image.substr(image.size() - 18) == "/scans/folio-7.png");
    auto log = nlohmann::json::parse(cleanup_report_json({sample_page()}));
    CHECK(log["entries"].size() == 1);
    CHECK(log["entries"][0]["before"] == "вд");
}

TEST_CASE("every format carries the quality estimate of the page and its lines") {
    const Page page = test::sample_page();
    const std::string alto = to_alto({page});
    CHECK(alto.find("PC=\"0.81\"") != std::string::npos);
    const std::string hocr = to_hocr({page});
    CHECK(hocr.find("ppageno 0; x_wconf 81") != std::string::npos);
    CHECK(hocr.find("bbox 100 100 600 140; x_wconf 87") != std::string::npos);
    const std::string xml = to_page_xml(page);
    CHECK(xml.find("<TextEquiv conf=\"0.87\">") != std::string::npos);
    const std::string json = to_json({page});
    CHECK(json.find("\"score\": 0.81") != std::string::npos);
    CHECK(json.find("\"score\": 0.87") != std::string::npos);
}
