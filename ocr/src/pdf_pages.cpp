// PDF pages through poppler-cpp (see pdf_pages.hpp). poppler-cpp does not list a page's images,
// so the scan resolution comes from the image dictionaries in the file itself: image XObjects
// are stream objects, which PDF never compresses into object streams, so their /Width and
// /Height are readable in the raw bytes whatever else the file compresses.
#include "scanfix/ocr/pdf_pages.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "image_header.hpp"
#include "jpeg_integrity.hpp"
#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

constexpr int kMinScanDpi = 50;
constexpr int kMaxScanDpi = 1200;

// poppler reports syntax problems of damaged files on stderr by default; the library must stay
// quiet (the caller gets an InputError when the file cannot be used at all).
void silence_poppler() {
    static std::once_flag once;
    std::call_once(
        once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

thread_local int documents_opened = 0;

// Size and modification time: a file changed since it was last read is read again.
std::string file_stamp(const std::string& path) {
    std::error_code ec;
    return std::to_string(fs::file_size(path, ec)) + "@" +
           std::to_string(fs::last_write_time(path, ec).time_since_epoch().count());
}

// The open document of `path`. poppler parses a document's page tree and cross-references
// when it opens it, so opening it again for each page made an N-page PDF take time growing
// with N² (800 pages: 15 s, 1600: 50 s). Each thread keeps the last document it opened (a
// poppler document is not shared between threads); pages are read in order, so a batch
// worker opens each PDF once.
const poppler::document& open_pdf(const std::string& path) {
    silence_poppler();
    struct OpenDocument {
        std::string path, stamp;
        std::unique_ptr<poppler::document> doc;
    };
    thread_local OpenDocument open;
    const std::string stamp = file_stamp(path);
    if (open.doc && open.path == path && open.stamp == stamp) return *open.doc;
    open.doc.reset();
    ++documents_opened;
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
    if (!doc) throw InputError(path, "cannot read PDF (damaged or not a PDF)");
    if (doc->is_locked()) throw InputError(path, "PDF is encrypted");
    open = {path, stamp, std::move(doc)};
    return *open.doc;
}

std::unique_ptr<poppler::page> open_page(const poppler::document& doc, const std::string& path,
                                         int index) {
    if (index < 0 || index >= doc.pages())
        throw InputError(path, "PDF has no page " + std::to_string(index + 1));
    std::unique_ptr<poppler::page> page(doc.create_page(index));
    if (!page) throw InputError(path, "cannot read PDF page " + std::to_string(index + 1));
    return page;
}

struct ImageSize {
    int width = 0, height = 0;
    bool jpeg = false;  // the stream is JPEG data alone (/DCTDecode and no other filter)
    size_t data_at = 0, data_length = 0;
};

// The integer after `key` in a dictionary's text, or 0 (absent or an indirect reference).
int dict_int(const std::string& dict, const char* key) {
    size_t at = 0;
    size_t klen = std::strlen(key);
    while ((at = dict.find(key, at)) != std::string::npos) {
        size_t p = at + klen;
        at = p;
        if (p < dict.size() && std::isalnum(static_cast<unsigned char>(dict[p]))) continue;
        while (p < dict.size() && std::isspace(static_cast<unsigned char>(dict[p]))) ++p;
        size_t start = p;
        while (p < dict.size() && std::isdigit(static_cast<unsigned char>(dict[p]))) ++p;
        if (p == start) return 0;
        size_t q = p;
        while (q < dict.size() && std::isspace(static_cast<unsigned char>(dict[q]))) ++q;
        if (q < dict.size() && std::isdigit(static_cast<unsigned char>(dict[q])))
            return 0;  // "12 0 R": an indirect value
        return std::stoi(dict.substr(start, p - start));
    }
    return 0;
}

// The dictionary around `pos`: from the nearest "<<" before it to its matching ">>"; `end`
// gets the position after it.
std::string enclosing_dict(const std::string& bytes, size_t pos, size_t* end = nullptr) {
    size_t window = std::min<size_t>(pos, 4096);
    size_t open = bytes.rfind("<<", pos);
    if (open == std::string::npos || pos - open > window) return {};
    int depth = 0;
    size_t limit = std::min(bytes.size(), open + 8192);
    for (size_t i = open; i + 1 < limit; ++i) {
        if (bytes[i] == '<' && bytes[i + 1] == '<') {
            ++depth;
            ++i;
        } else if (bytes[i] == '>' && bytes[i + 1] == '>') {
            if (--depth == 0) {
                if (end) *end = i + 2;
                return bytes.substr(open, i + 2 - open);
            }
            ++i;
        }
    }
    return {};
}

// Number of filters a stream dictionary names (every "...Decode" but /DecodeParms).
int filter_count(const std::string& dict) {
    int n = 0;
    for (size_t at = dict.find("Decode"); at != std::string::npos; at = dict.find("Decode", at + 6))
        if (dict.compare(at + 6, 5, "Parms") != 0) ++n;
    return n;
}

// Where the data of the stream whose dictionary ends at `dict_end` lies: after the keyword
// "stream" and its line end, `length` bytes (when the dictionary gives them directly), else
// up to "endstream". Leaves `at` and `size` 0 when there is no stream.
void locate_stream(const std::string& bytes, size_t dict_end, int length, size_t& at,
                   size_t& size) {
    size_t p = dict_end;
    while (p < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[p]))) ++p;
    if (bytes.compare(p, 6, "stream") != 0) return;
    p += 6;
    if (p < bytes.size() && bytes[p] == '\r') ++p;
    if (p < bytes.size() && bytes[p] == '\n') ++p;
    if (length > 0 && size_t(length) <= bytes.size() - p) {
        at = p, size = size_t(length);
        return;
    }
    size_t end = bytes.find("endstream", p);
    if (end == std::string::npos) end = bytes.size();
    while (end > p && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) --end;
    at = p, size = end - p;
}

// Why an embedded JPEG image is damaged (truncated, corrupt entropy data), or empty. poppler
// renders such an image without a word, the missing part grey: a silently wrong page.
std::string jpeg_problem(const std::string& path, const ImageSize& image) {
    if (!image.jpeg) return {};
    std::ifstream in(path, std::ios::binary);
    std::string data(image.data_length, '\0');
    in.seekg(std::streamoff(image.data_at));
    in.read(data.data(), std::streamsize(data.size()));
    data.resize(size_t(in.gcount()));
    ImageHeader header = read_image_header(data);
    if (header.format != ImageFormat::Jpeg) return "its data is not JPEG";
    if (!header.problem.empty()) return header.problem;
    return jpeg_damage(data);
}

// Pixel sizes of the file's image XObjects in file order (masks left out).
std::vector<ImageSize> scan_image_sizes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<ImageSize> sizes;
    size_t at = 0;
    while ((at = bytes.find("/Subtype", at)) != std::string::npos) {
        size_t p = at + 8;
        at = p;
        while (p < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[p]))) ++p;
        if (bytes.compare(p, 6, "/Image") != 0) continue;
        if (p + 6 < bytes.size() && std::isalnum(static_cast<unsigned char>(bytes[p + 6])))
            continue;
        size_t dict_end = 0;
        std::string dict = enclosing_dict(bytes, at, &dict_end);
        if (dict.empty() || dict.find("/ImageMask true") != std::string::npos) continue;
        ImageSize s{dict_int(dict, "/Width"), dict_int(dict, "/Height")};
        if (s.width <= 0 || s.height <= 0) continue;
        if (dict.find("/DCTDecode") != std::string::npos && filter_count(dict) == 1) {
            locate_stream(bytes, dict_end, dict_int(dict, "/Length"), s.data_at, s.data_length);
            s.jpeg = s.data_length > 0;
        }
        sizes.push_back(s);
    }
    return sizes;
}

// Scanning a large PDF costs a full read; workers rendering its pages one by one share it.
std::vector<ImageSize> cached_image_sizes(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, std::pair<std::string, std::vector<ImageSize>>> cache;
    const std::string stamp = file_stamp(path);
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(path);
    if (it != cache.end() && it->second.first == stamp) return it->second.second;
    if (cache.size() > 64) cache.clear();
    std::vector<ImageSize> sizes = scan_image_sizes(path);
    cache[path] = {stamp, sizes};
    return sizes;
}

// The resolution at which `image` fills a page of w × h inches, or 0 when its proportions are
// not the page's (a logo, a strip, a photo pasted on the page).
double filling_dpi(const ImageSize& image, double w_in, double h_in) {
    double iw = image.width, ih = image.height;
    auto fits = [](double a, double b) { return std::abs(a - b) <= 0.03 * std::max(a, b); };
    if (fits(iw / ih, w_in / h_in)) return std::min(iw / w_in, ih / h_in);
    if (fits(ih / iw, w_in / h_in)) return std::min(ih / w_in, iw / h_in);  // placed rotated
    return 0;
}

}  // namespace

int pdf_documents_opened() {
    return documents_opened;
}

int pdf_page_count(const std::string& path) {
    return open_pdf(path).pages();
}

int pdf_page_dpi(const std::string& path, int index, int fallback_dpi) {
    const poppler::document& doc = open_pdf(path);
    int pages = doc.pages();
    auto page = open_page(doc, path, index);
    poppler::rectf box = page->page_rect(poppler::crop_box);
    double w_in = box.width() / 72.0, h_in = box.height() / 72.0;
    if (w_in <= 0 || h_in <= 0) return fallback_dpi;

    std::vector<double> fitting;  // dpi of every image that fills this page, in file order
    for (const ImageSize& s : cached_image_sizes(path)) {
        double dpi = filling_dpi(s, w_in, h_in);
        if (dpi >= kMinScanDpi && dpi <= kMaxScanDpi) fitting.push_back(dpi);
    }
    if (fitting.empty()) return fallback_dpi;
    // One scan per page, stored in page order (what scanners and converters write): the page's
    // own image. Otherwise the most frequent resolution among the images that fit.
    if (int(fitting.size()) == pages) return int(std::lround(fitting[size_t(index)]));
    std::map<long, int> votes;
    for (double d : fitting) ++votes[std::lround(d)];
    auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
        return a.second < b.second || (a.second == b.second && a.first < b.first);
    });
    return int(best->first);
}

cv::Mat render_pdf_page(const std::string& path, int index, int dpi, long long max_pixels) {
    const poppler::document& doc = open_pdf(path);
    auto page = open_page(doc, path, index);
    // One scan per page in page order: only this page's own image matters. Otherwise which page
    // shows a damaged image is not known, and no page is trusted.
    const std::vector<ImageSize> images = cached_image_sizes(path);
    const std::string page_name = "page " + std::to_string(index + 1);
    if (int(images.size()) == doc.pages()) {
        if (std::string why = jpeg_problem(path, images[size_t(index)]); !why.empty())
            throw InputError(path, page_name + ": its scanned image is damaged (" + why + ")");
    } else {
        for (size_t i = 0; i < images.size(); ++i)
            if (std::string why = jpeg_problem(path, images[i]); !why.empty())
                throw InputError(path, page_name + ": embedded image " + std::to_string(i + 1) +
                                           " is damaged (" + why +
                                           ") and the page it belongs to is not known");
    }
    poppler::rectf box = page->page_rect(poppler::crop_box);
    double pixels = (box.width() / 72.0 * dpi) * (box.height() / 72.0 * dpi);
    if (pixels > double(max_pixels))
        throw InputError(path, "page " + std::to_string(index + 1) + " at " + std::to_string(dpi) +
                                   " dpi is larger than the limit (" + std::to_string(max_pixels) +
                                   " pixels)");
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_bgr24);
    poppler::image img = renderer.render_page(page.get(), dpi, dpi);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
        throw InputError(path, "cannot render PDF page " + std::to_string(index + 1));
    cv::Mat bgr = cv::Mat(img.height(), img.width(), CV_8UC3, const_cast<char*>(img.const_data()),
                          size_t(img.bytes_per_row()))
                      .clone();  // poppler's buffer dies with `img`
    // A scan without colour becomes a grey page, as the same scan saved as a grey PNG would.
    std::vector<cv::Mat> ch;
    cv::split(bgr, ch);
    cv::Mat diff1, diff2;
    cv::absdiff(ch[0], ch[1], diff1);
    cv::absdiff(ch[1], ch[2], diff2);
    if (cv::countNonZero(diff1) == 0 && cv::countNonZero(diff2) == 0) return ch[0];
    return bgr;
}

}  // namespace scanfix
