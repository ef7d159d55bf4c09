// Reading the JSON page model for review; see ocr_pages.hpp. Every key is checked for its type
// so that a file of another program, or a hand-edited one, is refused with the key named.
#include "scanfix/review/ocr_pages.hpp"

#include <nlohmann/json.hpp>

#include "input_files.hpp"
#include "scanfix/core/error.hpp"

namespace scanfix::review {
namespace {

using nlohmann::json;

struct Reader {
    const std::string& name;

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw InputError(name, "not a scanfix page model: " + where + " " + what);
    }
    const json& member(const json& obj, const char* key, const std::string& where) const {
        if (!obj.is_object() || !obj.contains(key))
            fail(where, std::string("has no \"") + key + "\"");
        return obj.at(key);
    }
    const json& array(const json& obj, const char* key, const std::string& where) const {
        const json& v = member(obj, key, where);
        if (!v.is_array()) fail(where + "." + key, "is not a list");
        return v;
    }
    std::string text(const json& obj, const char* key, const std::string& where) const {
        if (!obj.contains(key) || obj.at(key).is_null()) return {};
        const json& v = obj.at(key);
        if (!v.is_string()) fail(where + "." + key, "is not a string");
        return v.get<std::string>();
    }
    int integer(const json& obj, const char* key, const std::string& where, int fallback) const {
        if (!obj.contains(key) || obj.at(key).is_null()) return fallback;
        const json& v = obj.at(key);
        if (!v.is_number_integer()) fail(where + "." + key, "is not a whole number");
        const long long n = v.get<long long>();
        if (n < -(1 << 30) || n > (1 << 30)) fail(where + "." + key, "is out of range");
        return int(n);
    }
    bool flag(const json& obj, const char* key, const std::string& where) const {
        if (!obj.contains(key)) return false;
        if (!obj.at(key).is_boolean()) fail(where + "." + key, "is not true or false");
        return obj.at(key).get<bool>();
    }
    cv::Rect box(const json& obj, const std::string& where) const {
        if (!obj.contains("box") || obj.at("box").is_null()) return {};
        const json& b = obj.at("box");
        if (!b.is_array() || b.size() != 4) fail(where + ".box", "is not [x, y, width, height]");
        int v[4];
        for (int i = 0; i < 4; ++i) {
            if (!b[i].is_number_integer() || b[i].get<long long>() < -(1 << 30) ||
                b[i].get<long long>() > (1 << 30))
                fail(where + ".box", "is not [x, y, width, height]");
            v[i] = int(b[i].get<long long>());
        }
        cv::Rect r(v[0], v[1], v[2], v[3]);
        if (r.width < 0 || r.height < 0) fail(where + ".box", "has a negative size");
        return r;
    }
};

std::string joined(const std::string& a, const std::string& b) {
    return a.empty() ? b : a + "; " + b;
}

// The page-level quality estimate, when the JSON carries one: a fraction 0..1, a percentage,
// or an object whose "score" (emit/src/json.cpp) is one of those.
std::optional<double> quality_of(const json& page) {
    if (!page.contains("quality")) return std::nullopt;
    const json* q = &page.at("quality");
    if (q->is_object() && q->contains("score")) q = &q->at("score");
    if (!q->is_number()) return std::nullopt;
    double v = q->get<double>();
    if (v > 1) v /= 100;
    if (!(v >= 0 && v <= 1)) return std::nullopt;
    return v;
}

// Applies the log to the words: removal reasons, and the text as read before the first
// replacement of each word. Log lines and words count from 1; entries that name no word of
// the page (hand-edited files) are ignored rather than trusted.
void apply_log(const Reader& in, const json& log, OcrPage& page, const std::string& where) {
    for (size_t i = 0; i < log.size(); ++i) {
        const std::string at = where + ".log[" + std::to_string(i) + "]";
        const json& e = log[i];
        if (!e.is_object()) in.fail(at, "is not an object");
        const int line = in.integer(e, "line", at, 0) - 1;
        const int word = in.integer(e, "word", at, 0) - 1;
        if (line < 0 || line >= int(page.lines.size())) continue;
        OcrLine& l = page.lines[line];
        const std::string action = in.text(e, "action", at);
        const std::string why = in.text(e, "stage", at) + ": " + in.text(e, "reason", at);
        if (word < 0) {
            if (action == "removed") l.removal = joined(l.removal, why);
            continue;
        }
        if (word >= int(l.words.size())) continue;
        OcrWord& w = l.words[word];
        if (action == "removed") {
            w.removal = joined(w.removal, why);
        } else if (action == "replaced") {
            if (w.changed_by.empty()) w.read = in.text(e, "before", at);
            w.changed_by = joined(w.changed_by, why);
        }
    }
}

OcrPage read_page(const Reader& in, const json& jp, const std::string& where) {
    if (!jp.is_object()) in.fail(where, "is not an object");
    OcrPage page;
    page.source = in.text(jp, "source", where);
    page.image = in.text(jp, "image", where);
    if (page.image.empty()) page.image = page.source;
    page.index = in.integer(jp, "index", where, 0);
    page.width = in.integer(jp, "width", where, 0);
    page.height = in.integer(jp, "height", where, 0);
    page.from_text = !jp.contains("width");
    page.quality = quality_of(jp);
    const json& lines = in.array(jp, "lines", where);
    for (size_t li = 0; li < lines.size(); ++li) {
        const std::string at = where + ".lines[" + std::to_string(li) + "]";
        const json& jl = lines[li];
        OcrLine line;
        line.box = in.box(jl, at);
        line.block = in.integer(jl, "block", at, 0);
        line.paragraph = in.integer(jl, "paragraph", at, 0);
        line.removed = in.flag(jl, "removed", at);
        const std::string join = in.text(jl, "join", at);
        line.join = join == "soft_hyphen"   ? LineJoin::SoftHyphen
                    : join == "hard_hyphen" ? LineJoin::HardHyphen
                                            : LineJoin::Space;
        const json& words = in.array(jl, "words", at);
        for (size_t wi = 0; wi < words.size(); ++wi) {
            const std::string wat = at + ".words[" + std::to_string(wi) + "]";
            const json& jw = words[wi];
            OcrWord w;
            w.text = in.text(jw, "text", wat);
            w.read = w.text;
            w.box = in.box(jw, wat);
            if (jw.contains("confidence")) {
                if (!jw.at("confidence").is_number())
                    in.fail(wat + ".confidence", "is not a number");
                w.confidence = jw.at("confidence").get<float>();
            }
            w.removed = in.flag(jw, "removed", wat);
            line.words.push_back(std::move(w));
        }
        page.lines.push_back(std::move(line));
    }
    if (jp.contains("log")) apply_log(in, in.array(jp, "log", where), page, where);
    return page;
}

}  // namespace

double OcrPage::quality_or_confidence() const {
    if (quality) return *quality;
    double sum = 0;
    size_t n = 0;
    for (const OcrLine& l : lines)
        for (const OcrWord& w : l.words)
            if (kept_in_ocr(l, w) && w.confidence >= 0 && !w.text.empty()) {
                sum += std::min(100.0, double(w.confidence));
                ++n;
            }
    return n ? sum / double(n) / 100 : 1.0;
}

std::vector<OcrPage> parse_ocr_pages(const std::string& text, const std::string& name) {
    const json doc = parse_json(text, name);
    Reader in{name};
    const json& pages = in.array(doc, "pages", "the file");
    std::vector<OcrPage> out;
    for (size_t p = 0; p < pages.size(); ++p)
        out.push_back(read_page(in, pages[p], "pages[" + std::to_string(p) + "]"));
    if (out.empty()) throw InputError(name, "holds no page");
    return out;
}

std::vector<OcrPage> read_ocr_pages(const std::string& path) {
    return parse_ocr_pages(read_bounded(path, kMaxPageJsonBytes), path);
}

}  // namespace scanfix::review
