// Names and file endings of the output formats.
#include <sstream>

#include "scanfix/core/error.hpp"
#include "scanfix/emit/formats.hpp"

namespace scanfix {

std::vector<OutputFormat> parse_output_formats(const std::string& list) {
    std::vector<OutputFormat> out;
    std::stringstream ss(list);
    for (std::string name; std::getline(ss, name, ',');) {
        if (name.empty()) continue;
        OutputFormat f;
        if (name == "txt" || name == "text")
            f = OutputFormat::Text;
        else if (name == "hocr")
            f = OutputFormat::Hocr;
        else if (name == "alto")
            f = OutputFormat::Alto;
        else if (name == "page")
            f = OutputFormat::PageXml;
        else if (name == "json")
            f = OutputFormat::Json;
        else
            throw ConfigError("--format", 0,
                              "unknown output format '" + name + "' (txt, hocr, alto, page, json)");
        out.push_back(f);
    }
    if (out.empty()) throw ConfigError("--format", 0, "no output format given");
    return out;
}

std::string output_extension(OutputFormat format) {
    switch (format) {
        case OutputFormat::Text:
            return ".txt";
        case OutputFormat::Hocr:
            return ".hocr";
        case OutputFormat::Alto:
            return ".alto.xml";
        case OutputFormat::PageXml:
            return ".page.xml";
        case OutputFormat::Json:
            return ".json";
    }
    return ".txt";
}

}  // namespace scanfix
