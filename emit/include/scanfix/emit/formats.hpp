// Output formats of recognised pages besides plain text: hOCR, ALTO v4, PAGE XML 2019 and a
// JSON dump of the page model (including removed noise with its reasons). Plain text is
// core/layout.hpp's render_text. Each writer sees only kept words, except the JSON dump.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix {

enum class OutputFormat { Text, Hocr, Alto, PageXml, Json };

// Parses "txt,hocr,alto,page,json" into formats; throws ConfigError for an unknown name.
std::vector<OutputFormat> parse_output_formats(const std::string& list);
// File ending for a format, e.g. ".hocr", ".alto.xml", ".page.xml", ".json", ".txt".
std::string output_extension(OutputFormat format);

std::string to_hocr(const Document& doc);
std::string to_alto(const Document& doc);
// PAGE XML holds one page per file: multi-page documents are written page by page.
std::string to_page_xml(const Page& page);
// The page model with every word (removed ones flagged) and every logged decision
// (the decisions alone: report.hpp).
std::string to_json(const Document& doc);

}  // namespace scanfix
