// ALTO v4 output: one Page per page, TextBlock / TextLine / String with pixel geometry and
// word confidence (WC), SP between words.
#include <fmt/format.h>

#include <filesystem>

#include "page_geometry.hpp"
#include "scanfix/emit/formats.hpp"
#include "xml_writer.hpp"

namespace scanfix {
namespace {

void set_box(pugi::xml_node node, const cv::Rect& r) {
    node.append_attribute("HPOS") = r.x;
    node.append_attribute("VPOS") = r.y;
    node.append_attribute("WIDTH") = r.width;
    node.append_attribute("HEIGHT") = r.height;
}

}  // namespace

std::string to_alto(const Document& doc) {
    using namespace emit_detail;
    pugi::xml_document xml;
    auto decl = xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    auto alto = xml.append_child("alto");
    alto.append_attribute("xmlns") = "http://www.loc.gov/standards/alto/ns-v4#";
    alto.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    alto.append_attribute("xsi:schemaLocation") =
        "http://www.loc.gov/standards/alto/ns-v4# "
        "http://www.loc.gov/alto/v4/alto-4-4.xsd";
    auto desc = alto.append_child("Description");
    desc.append_child("MeasurementUnit").text() = "pixel";
    auto info = desc.append_child("sourceImageInformation");
    info.append_child("fileName").text() = doc.empty() ? "" : source_name(doc[0]).c_str();
    auto processing = desc.append_child("OCRProcessing");
    processing.append_attribute("ID") = "OCR_0";
    auto step = processing.append_child("ocrProcessingStep");
    auto software = step.append_child("processingSoftware");
    software.append_child("softwareName").text() = "scanfix";
    auto layout = alto.append_child("Layout");

    int block_id = 0, line_id = 0, word_id = 0;
    for (size_t p = 0; p < doc.size(); ++p) {
        const Page& page = doc[p];
        cv::Size size = page_size(page);
        auto pg = layout.append_child("Page");
        pg.append_attribute("ID") = fmt::format("page_{}", p + 1).c_str();
        pg.append_attribute("PHYSICAL_IMG_NR") = int(p + 1);
        pg.append_attribute("WIDTH") = size.width;
        pg.append_attribute("HEIGHT") = size.height;
        // The page's quality estimate as its confidence (PC, 0..1).
        if (page.quality.known())
            pg.append_attribute("PC") =
                fmt::format("{:.2f}", std::clamp(page.quality.score, 0.0, 1.0)).c_str();
        auto space = pg.append_child("PrintSpace");
        set_box(space, {0, 0, size.width, size.height});
        for (const auto& block : kept_blocks(page)) {
            auto tb = space.append_child("TextBlock");
            tb.append_attribute("ID") = fmt::format("block_{}", ++block_id).c_str();
            set_box(tb, source_box(page, block_box(block, line_box)));
            for (const Line* line : block) {
                auto tl = tb.append_child("TextLine");
                tl.append_attribute("ID") = fmt::format("line_{}", ++line_id).c_str();
                set_box(tl, source_box(page, line_box(*line)));
                bool first = true;
                for (const Word& w : line->words) {
                    if (w.removed) continue;
                    if (!first) tl.append_child("SP");
                    first = false;
                    auto s = tl.append_child("String");
                    s.append_attribute("ID") = fmt::format("string_{}", ++word_id).c_str();
                    set_box(s, source_box(page, w.box));
                    s.append_attribute("WC") =
                        fmt::format("{:.2f}", confidence_fraction(w)).c_str();
                    s.append_attribute("CONTENT") = w.text.c_str();
                }
            }
        }
    }
    return serialize(xml);
}

}  // namespace scanfix
