// PAGE XML (2019-07-15) output: TextRegion / TextLine / Word with Coords polygons and
// TextEquiv/Unicode at every level, so readers that only look at lines or regions get text too.
#include <fmt/format.h>

#include <ctime>
#include <filesystem>

#include "page_geometry.hpp"
#include "scanfix/emit/formats.hpp"
#include "xml_writer.hpp"

namespace scanfix {
namespace {

void add_coords(pugi::xml_node node, const cv::Rect& r) {
    node.append_child("Coords").append_attribute("points") =
        fmt::format("{},{} {},{} {},{} {},{}", r.x, r.y, r.x + r.width, r.y, r.x + r.width,
                    r.y + r.height, r.x, r.y + r.height)
            .c_str();
}

void add_text(pugi::xml_node node, const std::string& text) {
    node.append_child("TextEquiv").append_child("Unicode").text() = text.c_str();
}

std::string now_utc() {
    std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    return buf;
}

}  // namespace

std::string to_page_xml(const Page& page) {
    using namespace emit_detail;
    pugi::xml_document xml;
    auto decl = xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto root = xml.append_child("PcGts");
    root.append_attribute("xmlns") =
        "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15";
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_attribute("xsi:schemaLocation") =
        "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15 "
        "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15/pagecontent.xsd";
    auto meta = root.append_child("Metadata");
    meta.append_child("Creator").text() = "scanfix";
    std::string now = now_utc();
    meta.append_child("Created").text() = now.c_str();
    meta.append_child("LastChange").text() = now.c_str();

    int region_id = 0, line_id = 0, word_id = 0;
    {
        cv::Size size = page_size(page);
        auto pg = root.append_child("Page");
        pg.append_attribute("imageFilename") = source_name(page).c_str();
        pg.append_attribute("imageWidth") = size.width;
        pg.append_attribute("imageHeight") = size.height;
        for (const auto& block : kept_blocks(page)) {
            auto region = pg.append_child("TextRegion");
            region.append_attribute("id") = fmt::format("r{}", ++region_id).c_str();
            add_coords(region, block_box(block, line_box));
            std::string region_text;
            for (const Line* line : block) {
                auto tl = region.append_child("TextLine");
                tl.append_attribute("id") = fmt::format("l{}", ++line_id).c_str();
                add_coords(tl, line_box(*line));
                for (const Word& w : line->words) {
                    if (w.removed) continue;
                    auto word = tl.append_child("Word");
                    word.append_attribute("id") = fmt::format("w{}", ++word_id).c_str();
                    add_coords(word, w.box);
                    auto eq = word.append_child("TextEquiv");
                    eq.append_attribute("conf") =
                        fmt::format("{:.2f}", confidence_fraction(w)).c_str();
                    eq.append_child("Unicode").text() = w.text.c_str();
                }
                add_text(tl, line->text());
                region_text += (region_text.empty() ? "" : "\n") + line->text();
            }
            add_text(region, region_text);
        }
    }
    return serialize(xml);
}

}  // namespace scanfix
