// PAGE XML (2019-07-15) output: TextRegion / TextLine / Word with Coords polygons and
// TextEquiv/Unicode at every level, so readers that only look at lines or regions get text too.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>

#include "page_geometry.hpp"
#include "scanfix/emit/formats.hpp"
#include "xml_writer.hpp"

namespace scanfix {
namespace {

// The box's outline on the source image: a quadrilateral (a deskewed rectangle is not upright
// there), corners rounded and kept within the image.
void add_coords(pugi::xml_node node, const Page& page, const cv::Rect& r) {
    const cv::Size size = emit_detail::page_size(page);
    std::string points;
    for (const cv::Point2d& c : page.source_corners(r)) {
        const int x = std::clamp(int(std::lround(c.x)), 0, std::max(0, size.width - 1));
        const int y = std::clamp(int(std::lround(c.y)), 0, std::max(0, size.height - 1));
        points += fmt::format("{}{},{}", points.empty() ? "" : " ", x, y);
    }
    node.append_child("Coords").append_attribute("points") = points.c_str();
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
            add_coords(region, page, block_box(block, line_box));
            std::string region_text;
            for (const Line* line : block) {
                auto tl = region.append_child("TextLine");
                tl.append_attribute("id") = fmt::format("l{}", ++line_id).c_str();
                add_coords(tl, page, line_box(*line));
                for (const Word& w : line->words) {
                    if (w.removed) continue;
                    auto word = tl.append_child("Word");
                    word.append_attribute("id") = fmt::format("w{}", ++word_id).c_str();
                    add_coords(word, page, w.box);
                    auto eq = word.append_child("TextEquiv");
                    eq.append_attribute("conf") =
                        fmt::format("{:.2f}", confidence_fraction(w)).c_str();
                    eq.append_child("Unicode").text() = w.text.c_str();
                }
                add_text(tl, line->text());
                if (line->quality.known())
                    tl.child("TextEquiv").append_attribute("conf") =
                        fmt::format("{:.2f}", std::clamp(line->quality.score, 0.0, 1.0)).c_str();
                region_text += (region_text.empty() ? "" : "\n") + line->text();
            }
            add_text(region, region_text);
        }
    }
    return serialize(xml);
}

}  // namespace scanfix
