// Recognition results by the settings that produced them; see recognition_cache.hpp.
#include "scanfix/tune/recognition_cache.hpp"

#include <chrono>

#include "scanfix/ocr/preprocess.hpp"

namespace scanfix::tune {
namespace {

bool starts_with(const std::string& s, const char* prefix) {
    return s.rfind(prefix, 0) == 0;
}

// The values of the profile under the given prefixes, as one string: equal strings mean the
// same images and the same recognition.
std::string key_of(const Profile& profile, std::initializer_list<const char*> prefixes) {
    std::string key;
    for (const auto& [name, entry] : profile.entries()) {
        bool wanted = false;
        for (const char* p : prefixes) wanted = wanted || starts_with(name, p);
        if (!wanted) continue;
        key += name;
        for (const std::string& v : entry.values) key += '\x1f' + v;
        key += '\x1e';
    }
    return key;
}

}  // namespace

RecognizerFactory tesseract_factory() {
    return [](const OcrParams& params) -> std::unique_ptr<Recognizer> {
        return std::make_unique<TesseractRecognizer>(params);
    };
}

bool changes_recognition(const std::string& key) {
    return starts_with(key, "preprocess.") || starts_with(key, "ocr.");
}

RecognitionCache::RecognitionCache(const Context& ctx, LoadOptions load, RecognizerFactory factory)
    : ctx_(ctx), load_(load), factory_(std::move(factory)) {}

RecognitionCache::~RecognitionCache() = default;

Recognizer& RecognitionCache::recognizer_for(const Profile& profile) {
    const std::string key = key_of(profile, {"ocr."});
    auto it = recognizers_.find(key);
    if (it != recognizers_.end()) return *it->second;
    // Each Tesseract engine holds its language model (tens of MB): keep two at most.
    if (recognizers_.size() >= 2) recognizers_.erase(recognizers_.begin());
    auto made = factory_(read_params<OcrParams>(profile, "ocr"));
    return *recognizers_.emplace(key, std::move(made)).first->second;
}

const Document& RecognitionCache::recognised(const std::string& image, const Profile& profile) {
    const std::string pre_key = key_of(profile, {"preprocess."});
    const std::string key = image + '\x1d' + key_of(profile, {"preprocess.", "ocr."});
    if (auto it = recognised_.find(key); it != recognised_.end()) return it->second;

    auto& [last_key, pages] = preprocessed_[image];
    if (pages.empty() || last_key != pre_key) {
        Context ctx = ctx_;
        ctx.profile = &profile;
        ctx.debug_dir.clear();
        pages = load_pages(image, load_);
        for (Page& page : pages) preprocess_page(page, ctx);
        last_key = pre_key;
    }

    Recognizer& recognizer = recognizer_for(profile);
    Document doc;
    const auto start = std::chrono::steady_clock::now();
    for (const Page& prepared : pages) {
        Page page = prepared;  // shares the pixel buffers; recognition only reads them
        recognizer.recognize(page);
        ++recognitions_;
        page.image.release();
        page.gray.release();
        page.binary.release();
        doc.push_back(std::move(page));
    }
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return recognised_.emplace(key, std::move(doc)).first->second;
}

}  // namespace scanfix::tune
