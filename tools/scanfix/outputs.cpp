// Output files of run and clean; see outputs.hpp.
#include "outputs.hpp"

#include <filesystem>

#include "scanfix/core/output_file.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {

std::string render(const Document& doc, OutputFormat format, const OutputOptions& opt) {
    switch (format) {
        case OutputFormat::Text:
            return render_text(doc, opt.layout, opt.keep_noise);
        case OutputFormat::Hocr:
            return to_hocr(doc);
        case OutputFormat::Alto:
            return to_alto(doc);
        case OutputFormat::PageXml:
            return doc.empty() ? std::string() : to_page_xml(doc.front());
        case OutputFormat::Json:
            return to_json(doc);
    }
    return {};
}

std::vector<std::string> output_paths(const std::string& dir, const std::string& stem, size_t pages,
                                      const OutputOptions& opt) {
    std::vector<std::string> paths;
    for (OutputFormat f : opt.formats) {
        if (f == OutputFormat::PageXml && pages > 1) {
            for (size_t p = 0; p < pages; ++p)
                paths.push_back(
                    (fs::path(dir) / (stem + "-p" + std::to_string(p + 1) + output_extension(f)))
                        .string());
        } else {
            paths.push_back((fs::path(dir) / (stem + output_extension(f))).string());
        }
    }
    return paths;
}

std::vector<std::string> write_outputs(const Document& doc, const std::string& dir,
                                       const std::string& stem, const OutputOptions& opt) {
    std::vector<std::string> paths = output_paths(dir, stem, doc.size(), opt);
    size_t next = 0;
    for (OutputFormat f : opt.formats) {
        if (f == OutputFormat::PageXml && doc.size() > 1) {
            for (const Page& page : doc) write_file_atomically(paths[next++], to_page_xml(page));
        } else {
            write_file_atomically(paths[next++], render(doc, f, opt));
        }
    }
    return paths;
}

std::vector<std::string> write_page_outputs(const Document& doc, size_t page,
                                            const std::string& dir, const std::string& stem,
                                            const OutputOptions& opt) {
    const Document alone = {doc.at(page)};
    std::vector<std::string> paths = output_paths(dir, stem, 1, opt);
    for (size_t i = 0; i < opt.formats.size(); ++i)
        write_file_atomically(paths[i],
                              opt.formats[i] == OutputFormat::Text
                                  ? render_page_text(doc, page, opt.layout, opt.keep_noise)
                                  : render(alone, opt.formats[i], opt));
    return paths;
}

}  // namespace scanfix::cli
