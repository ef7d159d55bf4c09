// hOCR output: XHTML with ocr_page / ocr_carea / ocr_line / ocrx_word and their bboxes.
#include <fmt/format.h>

#include <filesystem>

#include "page_geometry.hpp"
#include "scanfix/emit/formats.hpp"
#include "xml_writer.hpp"

namespace scanfix {
namespace {

std::string wconf(int percent) {
    return percent < 0 ? std::string() : fmt::format("; x_wconf {}", percent);
}

std::string bbox(const cv::Rect& r) {
    return fmt::format("bbox {} {} {} {}", r.x, r.y, r.x + r.width, r.y + r.height);
}

}  // namespace

std::string to_hocr(const Document& doc) {
    using namespace emit_detail;
    pugi::xml_document xml;
    auto decl = xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    xml.append_child(pugi::node_doctype)
        .set_value(
            "html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
            "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\"");
    auto html = xml.append_child("html");
    html.append_attribute("xmlns") = "http://www.w3.org/1999/xhtml";
    html.append_attribute("xml:lang") = "ru";
    html.append_attribute("lang") = "ru";
    auto head = html.append_child("head");
    head.append_child("title").text() = doc.empty() ? "" : source_name(doc[0], true).c_str();
    auto meta = head.append_child("meta");
    meta.append_attribute("http-equiv") = "Content-Type";
    meta.append_attribute("content") = "text/html;charset=utf-8";
    auto system = head.append_child("meta");
    system.append_attribute("name") = "ocr-system";
    system.append_attribute("content") = "scanfix";
    auto caps = head.append_child("meta");
    caps.append_attribute("name") = "ocr-capabilities";
    caps.append_attribute("content") = "ocr_page ocr_carea ocr_line ocrx_word";
    auto body = html.append_child("body");

    int block_id = 0, line_id = 0, word_id = 0;
    for (size_t p = 0; p < doc.size(); ++p) {
        const Page& page = doc[p];
        cv::Size size = page_size(page);
        auto div = body.append_child("div");
        div.append_attribute("class") = "ocr_page";
        div.append_attribute("id") = fmt::format("page_{}", p + 1).c_str();
        div.append_attribute("title") =
            (fmt::format("image \"{}\"; {}; ppageno {}", source_name(page),
                         bbox({0, 0, size.width, size.height}), p) +
             wconf(quality_percent(page.quality)))
                .c_str();
        for (const auto& block : kept_blocks(page)) {
            auto area = div.append_child("div");
            area.append_attribute("class") = "ocr_carea";
            area.append_attribute("id") = fmt::format("block_{}", ++block_id).c_str();
            area.append_attribute("title") =
                bbox(source_box(page, block_box(block, line_box))).c_str();
            for (const Line* line : block) {
                auto span = area.append_child("span");
                span.append_attribute("class") = "ocr_line";
                span.append_attribute("id") = fmt::format("line_{}", ++line_id).c_str();
                // Lines and pages carry the quality estimate as their x_wconf.
                span.append_attribute("title") = (bbox(source_box(page, line_box(*line))) +
                                                  wconf(quality_percent(line->quality)))
                                                     .c_str();
                for (const Word& w : line->words) {
                    if (w.removed) continue;
                    auto word = span.append_child("span");
                    word.append_attribute("class") = "ocrx_word";
                    word.append_attribute("id") = fmt::format("word_{}", ++word_id).c_str();
                    word.append_attribute("title") =
                        fmt::format("{}; x_wconf {}", bbox(source_box(page, w.box)),
                                    int(confidence_fraction(w) * 100 + 0.5))
                            .c_str();
                    word.text() = w.text.c_str();
                    span.append_child(pugi::node_pcdata).set_value(" ");
                }
            }
        }
    }
    return serialize(xml);
}

}  // namespace scanfix
