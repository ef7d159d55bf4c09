// The pipeline object and its per-thread readers (see pipeline.hpp).
#include "scanfix/pipeline/pipeline.hpp"

#include <fmt/core.h>

#include <chrono>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/ocr/preprocess.hpp"

namespace scanfix {

std::vector<ParamSpec> pipeline_param_specs() {
    std::vector<ParamSpec> specs = describe_params<OcrParams>("ocr");
    for (ParamSpec& s : preprocess_param_specs()) specs.push_back(std::move(s));
    for (ParamSpec& s : cleanup_param_specs()) specs.push_back(std::move(s));
    return specs;
}

Pipeline::Pipeline(const Profile& profile, const Context& ctx, PipelineOptions options)
    : profile_(profile), ctx_(ctx), options_(options) {
    ctx_.profile = &profile_;
    validate_profile(profile_, pipeline_param_specs());
    ocr_ = read_params<OcrParams>(profile_, "ocr");
    preprocessor_ = std::make_unique<Preprocessor>(profile_);
    cleanup_ = std::make_unique<Cleanup>(profile_, ctx_);
}

Pipeline::~Pipeline() = default;

std::unique_ptr<Pipeline::Reader> Pipeline::reader() const {
    return reader(std::make_unique<TesseractRecognizer>(ocr_));
}

std::unique_ptr<Pipeline::Reader> Pipeline::reader(std::unique_ptr<Recognizer> recognizer) const {
    return std::unique_ptr<Reader>(new Reader(*this, std::move(recognizer)));
}

void Pipeline::preprocess(Page& page) const {
    preprocessor_->run(page, ctx_);
}

void Pipeline::clean(Document& doc) const {
    cleanup_->run(doc, ctx_);
}

Pipeline::Reader::Reader(const Pipeline& pipeline, std::unique_ptr<Recognizer> recognizer)
    : pipeline_(pipeline), recognizer_(std::move(recognizer)) {}

void Pipeline::Reader::read(Page& page) {
    pipeline_.preprocess(page);
    const auto t0 = std::chrono::steady_clock::now();
    recognizer_->recognize(page);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    page.timings.push_back({"recognize", seconds});
    size_t words = 0;
    for (const Line& line : page.lines) words += line.words.size();
    pipeline_.ctx_.info(fmt::format("{}: recognize {:.0f} ms: {} lines, {} words", page.label(),
                                    seconds * 1000, page.lines.size(), words));
    if (!pipeline_.options_.keep_images) page.release_images();
}

Page Pipeline::Reader::read_page(const std::string& path, int index) {
    Page page = load_page(path, index, pipeline_.options_.load);
    read(page);
    return page;
}

Document Pipeline::Reader::read_file(const std::string& path) {
    Document doc;
    const int pages = count_pages(path);
    for (int i = 0; i < pages; ++i) doc.push_back(read_page(path, i));
    return doc;
}

}  // namespace scanfix
