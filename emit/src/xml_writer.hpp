// pugixml glue shared by the XML writers: serialising a document and walking kept lines
// grouped into blocks, so hOCR, ALTO and PAGE agree on what a block is.
#pragma once

#include <filesystem>
#include <functional>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::emit_detail {

inline std::string serialize(const pugi::xml_document& xml) {
    std::ostringstream out;
    xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

// The name of a page's source file as XML can hold it (see printable_file_name); with
// `whole_path` the folders too.
inline std::string source_name(const Page& page, bool whole_path = false) {
    return printable_file_name(whole_path ? page.source
                                          : std::filesystem::path(page.source).filename().string());
}

// Kept lines of a page, grouped by consecutive Line::block values.
inline std::vector<std::vector<const Line*>> kept_blocks(const Page& page) {
    std::vector<std::vector<const Line*>> blocks;
    int current = -1;
    for (const Line& line : page.lines) {
        if (line.empty()) continue;
        if (blocks.empty() || line.block != current) blocks.emplace_back();
        current = line.block;
        blocks.back().push_back(&line);
    }
    return blocks;
}

inline cv::Rect block_box(const std::vector<const Line*>& lines,
                          const std::function<cv::Rect(const Line&)>& box_of) {
    cv::Rect r;
    for (const Line* l : lines) {
        cv::Rect b = box_of(*l);
        if (b.area()) r = r.area() ? (r | b) : b;
    }
    return r;
}

}  // namespace scanfix::emit_detail
