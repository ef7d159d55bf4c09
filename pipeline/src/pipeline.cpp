// The pipeline object and its per-thread readers (see pipeline.hpp).
#include "scanfix/pipeline/pipeline.hpp"

#include <fmt/core.h>

#include <opencv2/core.hpp>

#include <chrono>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/ocr/preprocess.hpp"

namespace scanfix {

std::vector<ParamSpec> pipeline_param_specs() {
    std::vector<ParamSpec> specs = describe_params<OcrParams>("ocr");
    for (ParamSpec& s : describe_params<SecondReadingParams>("second_reading"))
        specs.push_back(std::move(s));
    for (ParamSpec& s : describe_params<UnreadInkParams>("second_reading.unread"))
        specs.push_back(std::move(s));
    for (ParamSpec& s : describe_params<TurnedTextParams>("turned_text"))
        specs.push_back(std::move(s));
    for (ParamSpec& s : describe_params<QualityParams>("quality")) specs.push_back(std::move(s));
    for (ParamSpec& s : preprocess_param_specs()) specs.push_back(std::move(s));
    for (ParamSpec& s : cleanup_param_specs()) specs.push_back(std::move(s));
    return specs;
}

Pipeline::Pipeline(const Profile& profile, const Context& ctx, PipelineOptions options)
    : profile_(profile), ctx_(ctx), options_(options) {
    ctx_.profile = &profile_;
    validate_profile(profile_, pipeline_param_specs());
    ocr_ = read_params<OcrParams>(profile_, "ocr");
    quality_ = read_params<QualityParams>(profile_, "quality");
    second_ = read_params<SecondReadingParams>(profile_, "second_reading");
    unread_ = read_params<UnreadInkParams>(profile_, "second_reading.unread");
    turned_ = read_params<TurnedTextParams>(profile_, "turned_text");
    lexicon_ = lexicon_for(profile_, ctx_);
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
    for (Page& page : doc) {
        if (page.from_text) continue;
        const ReadingQuality q = estimate_page_quality(page, lexicon_.get(), quality_);
        if (!q.known()) continue;
        ctx_.info(
            fmt::format("{}: quality {:.2f} (confidence {:.2f}, lexicon {}, garbled {:.2f}), "
                        "{} characters",
                        page.label(), q.score, q.confidence,
                        q.known_share < 0 ? std::string("-") : fmt::format("{:.2f}", q.known_share),
                        q.garbled_share, q.characters));
    }
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
    read_again(page);
    read_turned(page);
    estimate_page_quality(page, pipeline_.lexicon_.get(), pipeline_.quality_);
    if (!pipeline_.options_.keep_images) page.release_images();
}

void Pipeline::Reader::read_again(Page& page) {
    const Pipeline& p = pipeline_;
    if (!p.second_.enabled || page.image.empty()) return;
    const auto t0 = std::chrono::steady_clock::now();
    estimate_page_quality(page, p.lexicon_.get(), p.quality_);
    const SecondReadingPlan plan = plan_second_reading(page, p.second_, p.unread_);
    if (!plan.needed()) return;
    Page again;
    again.source = page.source;
    again.index = page.index;
    again.dpi = page.dpi;
    again.image = page.image;
    OcrParams settings = p.ocr_;
    settings.input = "original";
    settings.thresholding = p.second_.thresholding;
    settings.by_region = false;
    settings.psm = plan.whole_page ? 3 : 6;
    recognizer_->recognize_with(again, settings, plan.areas);
    choose_readings(page, std::move(again.lines), p.lexicon_.get(), p.quality_, p.second_);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    page.timings.push_back({"second_reading", seconds});
    p.ctx_.info(
        fmt::format("{}: second reading {:.0f} ms of {}: {:.0f}% of the letters unread, "
                    "{} weak lines",
                    page.label(), seconds * 1000,
                    plan.whole_page ? std::string("the whole page")
                                    : fmt::format("{} places", plan.areas.size()),
                    100 * plan.unread.unread_share(), plan.weak_lines));
}

void Pipeline::Reader::read_turned(Page& page) {
    const Pipeline& p = pipeline_;
    if (!p.turned_.enabled || page.gray.empty()) return;
    const auto t0 = std::chrono::steady_clock::now();
    estimate_page_quality(page, p.lexicon_.get(), p.quality_);
    const int taken =
        read_turned_text(page, *recognizer_, p.ocr_, p.lexicon_.get(), p.quality_, p.turned_);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    page.timings.push_back({"turned_text", seconds});
    if (taken > 0)
        p.ctx_.info(fmt::format("{}: turned text {:.0f} ms: {} places read at right angles",
                                page.label(), seconds * 1000, taken));
}

Page Pipeline::Reader::read_page(const std::string& path, int index) {
    // Running out of memory on one large page is that page's failure, named as such (OpenCV
    // throws its own exception for it, which would otherwise read as an internal error).
    auto out_of_memory = [&] {
        return Error(path + (index > 0 ? ": page " + std::to_string(index + 1) : "") +
                     ": out of memory while reading the page");
    };
    try {
        Page page = load_page(path, index, pipeline_.options_.load);
        read(page);
        return page;
    } catch (const std::bad_alloc&) {
        throw out_of_memory();
    } catch (const cv::Exception& e) {
        if (e.code == cv::Error::StsNoMem) throw out_of_memory();
        throw;
    }
}

Document Pipeline::Reader::read_file(const std::string& path) {
    Document doc;
    const int pages = count_pages(path);
    for (int i = 0; i < pages; ++i) doc.push_back(read_page(path, i));
    return doc;
}

}  // namespace scanfix
