// Reading ALTO (v2 and v4), PAGE and hOCR from inline documents and from the real EHRI ALTO
// pages in ../shared/data; format detection from content; malformed markup is an InputError.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>

#include "scanfix/core/error.hpp"
#include "scanfix/eval/formats.hpp"
#include "test_paths.hpp"
#include "test_skip.hpp"

using namespace scanfix;
using namespace scanfix::eval;

namespace {

const char* kAltoV2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page><PrintSpace>
<TextBlock ID="b1">
  <TextLine><String CONTENT="Совершенно"/><SP/><String CONTENT="секретно"/></TextLine>
  <TextLine><String CONTENT="Народно-"/><HYP CONTENT="-"/></TextLine>
</TextBlock>
<TextBlock ID="b2"><TextLine><String CONTENT="&quot;Штыков&quot;"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>)";

const char* kPage = R"(<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page>
<ReadingOrder><OrderedGroup id="g"><RegionRefIndexed index="1" regionRef="r1"/>
  <RegionRefIndexed index="0" regionRef="r2"/></OrderedGroup></ReadingOrder>
<TextRegion id="r1">
  <TextLine id="l1"><TextEquiv index="1"><Unicode>wrong</Unicode></TextEquiv>
    <TextEquiv index="0"><Unicode>second region</Unicode></TextEquiv></TextLine>
</TextRegion>
<TextRegion id="r2">
  <TextLine id="l2"><Word id="w1"><TextEquiv><Unicode>first</Unicode></TextEquiv></Word>
    <Word id="w2"><TextEquiv><Unicode>line</Unicode></TextEquiv></Word></TextLine>
  <TextLine id="l3"><TextEquiv><Unicode>next line</Unicode></TextEquiv></TextLine>
</TextRegion>
</Page></PcGts>)";

const char* kHocr = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
    "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
<div class="ocr_page" id="page_1"><div class="ocr_carea"><p class="ocr_par">
<span class="ocr_line" title="bbox 0 0 10 10"><span class="ocrx_word">Шифр</span>
  <span class="ocrx_word"><strong>телеграмма</strong></span></span>
<span class="ocr_line"><span class="ocrx_word">№</span> <span class="ocrx_word">42</span></span>
</p></div></div></body></html>)";

}  // namespace

TEST_CASE("eval: formats are detected from content") {
    CHECK(detect_format(kAltoV2, "t") == TextFormat::Alto);
    CHECK(detect_format(kPage, "t") == TextFormat::PageXml);
    CHECK(detect_format(kHocr, "t") == TextFormat::Hocr);
    CHECK(detect_format("Совершенно секретно", "t") == TextFormat::Plain);
    CHECK(detect_format("<Секретно> copy 2", "t") == TextFormat::Plain);
    CHECK_THROWS_AS(detect_format("<?xml version=\"1.0\"?><alto><Layout>", "t"), InputError);
    CHECK_THROWS_AS(detect_format("<?xml version=\"1.0\"?><svg/>", "t"), InputError);
    CHECK_THROWS_AS(detect_format("<html><body>hello</body></html>", "t"), InputError);
}

TEST_CASE("eval: ALTO lines join their Strings, HYP keeps the hyphen, blocks are paragraphs") {
    CHECK(extract_text(kAltoV2, TextFormat::Alto, "t") ==
          "Совершенно секретно\nНародно--\n\n\"Штыков\"");
}

TEST_CASE("eval: PAGE follows the reading order and prefers line TextEquiv with lowest index") {
    CHECK(extract_text(kPage, TextFormat::PageXml, "t") ==
          "first line\nnext line\n\nsecond region");
}

TEST_CASE("eval: hOCR lines join their words") {
    CHECK(extract_text(kHocr, TextFormat::Hocr, "t") == "Шифр телеграмма\n№ 42");
}

TEST_CASE("eval: missing and malformed files are InputErrors naming the file") {
    auto dir = test::temp_dir("eval-formats");
    CHECK_THROWS_AS(load_text(dir + "/none.txt"), InputError);
    { std::ofstream(dir + "/bad.txt") << "ok\n\xC3\x28"; }
    try {
        load_text(dir + "/bad.txt");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(e.file() == dir + "/bad.txt");
    }
}

TEST_CASE("eval: real EHRI ALTO pages read as their String contents, one line per TextLine") {
    std::string data = test::shared_data_dir();
    if (data.empty() || !std::filesystem::exists(data + "/ehri")) {
        SCANFIX_SKIP("../shared/data/ehri not found (or $SCANFIX_SHARED_DATA)");
    }
    int pages = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(data + "/ehri")) {
        if (entry.path().extension() != ".xml") continue;
        std::string xml = test::slurp(entry.path().string());
        LoadedText loaded = load_text(entry.path().string());
        CHECK(loaded.format == TextFormat::Alto);
        // An independent count: TextLine elements in the file against lines read.
        auto count = [](const std::string& s, const std::regex& re) {
            return size_t(std::distance(std::sregex_iterator(s.begin(), s.end(), re),
                                        std::sregex_iterator()));
        };
        size_t text_lines = count(xml, std::regex("<TextLine[\\s>]"));
        size_t lines_read = size_t(std::count(loaded.text.begin(), loaded.text.end(), '\n')) + 1;
        CHECK(text_lines > 0);
        CHECK(lines_read >= text_lines);  // blocks add blank lines
        // Every CONTENT value appears in the text.
        std::smatch m;
        std::regex content("CONTENT=\"([^\"]*)\"");
        for (auto it = std::sregex_iterator(xml.begin(), xml.end(), content);
             it != std::sregex_iterator(); ++it) {
            std::string value = (*it)[1];
            if (value.find('&') != std::string::npos) continue;  // entities decoded
            CHECK(loaded.text.find(value) != std::string::npos);
        }
        ++pages;
    }
    CHECK(pages > 0);
}
