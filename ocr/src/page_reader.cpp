// Load → preprocess → recognise for every page of an image file.
#include "scanfix/ocr/page_reader.hpp"

#include "scanfix/ocr/preprocess.hpp"

namespace scanfix {

std::vector<Page> read_image_pages(const std::string& path, const LoadOptions& load,
                                   const Context& ctx, Recognizer& recognizer) {
    std::vector<Page> pages = load_pages(path, load);
    for (Page& page : pages) {
        preprocess_page(page, ctx);
        recognizer.recognize(page);
    }
    return pages;
}

std::vector<ParamSpec> ocr_param_specs() {
    std::vector<ParamSpec> specs = describe_params<OcrParams>("ocr");
    for (auto& s : preprocess_param_specs()) specs.push_back(std::move(s));
    return specs;
}

}  // namespace scanfix
