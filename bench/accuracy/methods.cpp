// The benchmark's readings and their timing; see methods.hpp.
#include "methods.hpp"

#include <chrono>
#include <functional>

#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace scanfix::bench {
namespace {

Profile for_language(Profile profile, const std::string& lang) {
    profile.set("ocr.lang", lang);
    profile.set("cleanup.lexicon.language", lang);
    return profile;
}

Context pipeline_context() {
    Context ctx;
    ctx.data_dir = data_dir();
    return ctx;
}

// Times `read`; an error becomes an empty reading with the reason.
Reading timed(const std::function<std::string()>& read) {
    Reading r;
    auto t0 = std::chrono::steady_clock::now();
    try {
        r.text = read();
    } catch (const std::exception& e) {
        r.text.clear();
        r.error = e.what();
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace

ScanfixPipeline::ScanfixPipeline(const Profile& profile, const std::string& lang)
    : pipeline_(for_language(profile, lang), pipeline_context()), reader_(pipeline_.reader()) {}

std::string ScanfixPipeline::read(const std::string& image) {
    Document doc = reader_->read_file(image);
    pipeline_.clean(doc);
    return render_text(doc, Layout::Diplomatic);
}

Reading Readers::tesseract(const std::string& image, const std::string& lang,
                           const std::string& thresholding) {
    auto& engine = tesseract_[thresholding + "/" + lang];
    if (!engine) {
        OcrParams p;
        p.lang = lang;
        p.input = "original";
        p.thresholding = thresholding;
        engine = std::make_unique<TesseractRecognizer>(p);
    }
    return timed([&] {
        Document doc = load_pages(image);
        for (Page& page : doc) engine->recognize(page);
        return render_text(doc, Layout::Diplomatic);
    });
}

Reading Readers::plain(const std::string& image, const std::string& lang) {
    return tesseract(image, lang, "otsu");
}

Reading Readers::sauvola(const std::string& image, const std::string& lang) {
    return tesseract(image, lang, "sauvola");
}

Reading Readers::scanfix(const std::string& image, const std::string& lang,
                         const std::string& profile) {
    auto& pipeline = scanfix_[profile + "/" + lang];
    if (!pipeline) {
        auto found = profiles_.find(profile);
        if (found == profiles_.end()) throw ConfigError("", 0, "no profile " + profile);
        pipeline = std::make_unique<ScanfixPipeline>(found->second, lang);
    }
    return timed([&] { return pipeline->read(image); });
}

}  // namespace scanfix::bench
