// Recognition results by the settings that produced them; see recognition_cache.hpp.
#include "scanfix/tune/recognition_cache.hpp"

#include <chrono>
#include <cstdint>

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

// FNV-1a over everything preprocessing hands on: the working images, the regions, the skew.
// Equal hashes mean the recognizer would read the same page.
std::string content_hash(const Document& pages) {
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* data, size_t n) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
    };
    auto mix_mat = [&mix](const cv::Mat& m) {
        const int shape[3] = {m.rows, m.cols, m.type()};
        mix(shape, sizeof shape);
        for (int y = 0; y < m.rows; ++y) mix(m.ptr(y), m.cols * m.elemSize());
    };
    for (const Page& page : pages) {
        mix_mat(page.gray);
        mix_mat(page.binary);
        mix(&page.skew_degrees, sizeof page.skew_degrees);
        for (const Region& r : page.regions) {
            const int box[5] = {int(r.kind), r.box.x, r.box.y, r.box.width, r.box.height};
            mix(box, sizeof box);
        }
    }
    return std::to_string(h);
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

const Document& RecognitionCache::recognised(const std::string& image, const Pipeline& pipeline) {
    const Profile& profile = pipeline.profile();
    const std::string pre_key = key_of(profile, {"preprocess."});
    const std::string ocr_key = key_of(profile, {"ocr."});
    const std::string key = image + '\x1d' + pre_key + '\x1d' + ocr_key;
    if (auto it = by_settings_.find(key); it != by_settings_.end()) return *it->second;

    Prepared& prepared = preprocessed_[image];
    if (prepared.pages.empty() || prepared.key != pre_key) {
        // Into a fresh document first: a setting preprocessing refuses leaves the cache as it was.
        Document fresh = load_pages(image, load_);
        for (Page& page : fresh) pipeline.preprocess(page);
        ++preprocessings_;
        prepared.pages = std::move(fresh);
        prepared.key = pre_key;
        prepared.content = content_hash(prepared.pages);
    }

    // Many settings leave the images as they were (no photo to straighten, no punch hole near
    // the new threshold): those pages are recognised once, whatever the settings were.
    const std::string content_key = image + '\x1d' + prepared.content + '\x1d' + ocr_key;
    auto done = by_content_.find(content_key);
    if (done == by_content_.end()) {
        Recognizer& recognizer = recognizer_for(profile);
        Document doc;
        const auto start = std::chrono::steady_clock::now();
        for (const Page& page_in : prepared.pages) {
            Page page = page_in;  // shares the pixel buffers; recognition only reads them
            recognizer.recognize(page);
            ++recognitions_;
            page.image.release();
            page.gray.release();
            page.binary.release();
            doc.push_back(std::move(page));
        }
        seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        done = by_content_.emplace(content_key, std::move(doc)).first;
    }
    by_settings_[key] = &done->second;
    return done->second;
}

}  // namespace scanfix::tune
