// Image loading with OpenCV's codecs, after checking the file's signature so that a renamed
// or truncated file gets a clear reason instead of an empty image.
#include "scanfix/ocr/image_loader.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/pdf_pages.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

enum class Format { Png, Jpeg, Tiff, Pdf, Unknown };

Format sniff(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char b[8] = {0};
    in.read(reinterpret_cast<char*>(b), sizeof b);
    std::streamsize n = in.gcount();
    if (n >= 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return Format::Png;
    if (n >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return Format::Jpeg;
    if (n >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0) ||
                   (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42)))
        return Format::Tiff;
    if (n >= 4 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F') return Format::Pdf;
    return Format::Unknown;
}

// 8-bit grey or BGR, whatever the file held (16-bit, alpha, palette already expanded).
cv::Mat to_8bit(const cv::Mat& m) {
    cv::Mat out = m;
    if (out.depth() == CV_16U)
        out.convertTo(out, CV_8U, 1.0 / 257.0);
    else if (out.depth() == CV_32F || out.depth() == CV_64F)
        out.convertTo(out, CV_8U, 255.0);
    else if (out.depth() != CV_8U)
        out.convertTo(out, CV_8U);
    if (out.channels() == 4)
        cv::cvtColor(out, out, cv::COLOR_BGRA2BGR);
    else if (out.channels() == 2) {
        std::vector<cv::Mat> planes;
        cv::split(out, planes);
        out = planes[0];
    }
    return out;
}

}  // namespace

bool is_image_path(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff" ||
           ext == ".pdf";
}

namespace {

// The file's format after the checks every loader makes first.
Format checked_format(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path, "no such file");
    if (fs::is_directory(path, ec)) throw InputError(path, "is a directory, not an image");
    if (fs::file_size(path, ec) == 0) throw InputError(path, "empty file");
    Format format = sniff(path);
    if (format == Format::Unknown)
        throw InputError(path, "not a PNG, JPEG, TIFF or PDF file (unrecognised file signature)");
    return format;
}

Page make_page(const std::string& path, int index, int dpi, const cv::Mat& m,
               const LoadOptions& options) {
    if (m.empty())
        throw InputError(path, "page " + std::to_string(index + 1) + " cannot be decoded");
    if (double(m.cols) * m.rows > double(options.max_pixels))
        throw InputError(path, "image of " + std::to_string(m.cols) + "x" + std::to_string(m.rows) +
                                   " pixels is larger than the limit (" +
                                   std::to_string(options.max_pixels) + " pixels)");
    Page page;
    page.source = path;
    page.index = index;
    page.dpi = dpi;
    page.image = to_8bit(m);
    return page;
}

Page load_pdf_page(const std::string& path, int index, const LoadOptions& options) {
    int dpi = pdf_page_dpi(path, index, options.dpi);
    return make_page(path, index, dpi, render_pdf_page(path, index, dpi, options.max_pixels),
                     options);
}

// Decoding errors of OpenCV's codecs become InputErrors naming the file.
template <class F>
auto decoding(const std::string& path, F f) {
    try {
        return f();
    } catch (const cv::Exception& e) {
        throw InputError(path, "cannot decode image (" + std::string(e.err) + ")");
    }
}

}  // namespace

int count_pages(const std::string& path) {
    Format format = checked_format(path);
    if (format == Format::Pdf) return pdf_page_count(path);
    if (format != Format::Tiff) return 1;
    size_t n = decoding(path, [&] { return cv::imcount(path, cv::IMREAD_UNCHANGED); });
    if (n == 0) throw InputError(path, "cannot decode image (truncated or corrupt)");
    return int(n);
}

Page load_page(const std::string& path, int index, const LoadOptions& options) {
    Format format = checked_format(path);
    if (format == Format::Pdf) return load_pdf_page(path, index, options);
    if (format != Format::Tiff) {
        if (index != 0) throw InputError(path, "has no page " + std::to_string(index + 1));
        return load_pages(path, options).front();
    }
    std::vector<cv::Mat> images;
    decoding(path, [&] { return cv::imreadmulti(path, images, index, 1, cv::IMREAD_UNCHANGED); });
    if (images.empty())
        throw InputError(path, "page " + std::to_string(index + 1) + " cannot be decoded");
    return make_page(path, index, options.dpi, images.front(), options);
}

std::vector<Page> load_pages(const std::string& path, const LoadOptions& options) {
    Format format = checked_format(path);
    std::vector<Page> pages;
    if (format == Format::Pdf) {
        int n = pdf_page_count(path);
        for (int i = 0; i < n; ++i) pages.push_back(load_pdf_page(path, i, options));
        if (pages.empty()) throw InputError(path, "PDF has no pages");
        return pages;
    }
    std::vector<cv::Mat> images;
    decoding(path, [&] {
        if (format == Format::Tiff) return cv::imreadmulti(path, images, cv::IMREAD_UNCHANGED);
        cv::Mat m = cv::imread(path, cv::IMREAD_UNCHANGED);
        if (!m.empty()) images.push_back(m);
        return true;
    });
    if (images.empty()) throw InputError(path, "cannot decode image (truncated or corrupt)");
    for (size_t i = 0; i < images.size(); ++i)
        pages.push_back(make_page(path, int(i), options.dpi, images[i], options));
    return pages;
}

}  // namespace scanfix
