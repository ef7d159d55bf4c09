// Writing a processed document in the formats the user asked for (--format), each file
// atomically, and rendering a single format for stdout.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/layout.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/emit/formats.hpp"

namespace scanfix::cli {

struct OutputOptions {
    std::vector<OutputFormat> formats = {OutputFormat::Text};
    Layout layout = Layout::Reading;
    bool keep_noise = false;
};

// The document in one format (PAGE XML: the first page only; see write_outputs).
std::string render(const Document& doc, OutputFormat format, const OutputOptions& opt);

// Writes <dir>/<stem><ext> for every format; PAGE XML of a multi-page document gets one file
// per page (<stem>-p<N>.page.xml). Returns the paths written.
std::vector<std::string> write_outputs(const Document& doc, const std::string& dir,
                                       const std::string& stem, const OutputOptions& opt);

// Writes the outputs of page `page` of the document alone under `stem`, with the text of the
// page as render_page_text() gives it. Returns the paths written.
std::vector<std::string> write_page_outputs(const Document& doc, size_t page,
                                            const std::string& dir, const std::string& stem,
                                            const OutputOptions& opt);

// The paths write_outputs would write, to check for existing outputs before any work.
std::vector<std::string> output_paths(const std::string& dir, const std::string& stem, size_t pages,
                                      const OutputOptions& opt);

}  // namespace scanfix::cli
