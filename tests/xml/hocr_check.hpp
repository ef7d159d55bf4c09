// What the hOCR 1.2 specification asks of a document beyond well-formed XHTML: the required
// metadata, capabilities that name every class used, the page/area/line/word nesting, property
// syntax (bbox, x_wconf, ppageno), boxes inside their container's box and unique ids.
#pragma once

#include <string>
#include <vector>

namespace scanfix::test {

// One line per rule the hOCR text breaks (empty when it follows the specification).
std::vector<std::string> hocr_problems(const std::string& hocr);

}  // namespace scanfix::test
