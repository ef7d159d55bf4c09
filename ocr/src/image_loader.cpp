// Image loading with OpenCV's codecs, after the file's own header has been read (see
// image_header.hpp): a renamed, truncated or oversized file is refused with a clear reason
// before any decoder allocates memory for it; PDFs go to pdf_pages.hpp. Every page comes out
// as 8-bit grey or BGR.
#include "scanfix/ocr/image_loader.hpp"

#include <tiffio.h>

#include <opencv2/core/utils/logger.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>

#include "image_header.hpp"
#include "jpeg_integrity.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/ocr/pdf_pages.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

std::string megapixels(double pixels) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pixels / 1e6);
    return buf;
}

std::string read_bytes(const std::string& path, size_t limit = std::string::npos) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open file");
    std::string bytes;
    if (limit == std::string::npos) {
        bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    } else {
        bytes.resize(limit);
        in.read(bytes.data(), std::streamsize(limit));
        bytes.resize(size_t(in.gcount()));
    }
    if (in.bad()) throw InputError(path, "read error");
    return bytes;
}

// Puts a picture with transparency on white paper: a scan saved with an alpha channel often
// has black (0,0,0,0) where it is transparent, which would otherwise read as ink.
cv::Mat on_white(const cv::Mat& colour, const cv::Mat& alpha8) {
    double lo = 255;
    cv::minMaxLoc(alpha8, &lo);
    if (lo >= 255) return colour;
    cv::Mat a, c, out;
    alpha8.convertTo(a, CV_32F, 1.0 / 255.0);
    if (colour.channels() == 3) cv::cvtColor(a, a, cv::COLOR_GRAY2BGR);
    colour.convertTo(c, CV_32F);
    cv::Mat white(c.size(), c.type(), cv::Scalar::all(255.0));
    out = c.mul(a) + white.mul(cv::Scalar::all(1.0) - a);
    out.convertTo(out, CV_8U);
    return out;
}

// 8-bit samples whatever the file held: 16-bit scaled, float and signed data stretched from
// their own range (a float TIFF in [0, 1] maps to 0..255 directly).
cv::Mat to_8bit_samples(cv::Mat m) {
    if (m.depth() == CV_8U) return m;
    cv::Mat out;
    if (m.depth() == CV_16U) {
        m.convertTo(out, CV_8U, 1.0 / 257.0);
        return out;
    }
    if (m.depth() == CV_64F || m.depth() == CV_32F) {
        m.convertTo(m, CV_32F);
        cv::patchNaNs(m, 0.0);
    }
    double lo = 0, hi = 0;
    cv::minMaxLoc(m.reshape(1), &lo, &hi);
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        m.convertTo(m, CV_32F);
        cv::Mat finite = cv::abs(m) < std::numeric_limits<float>::max();
        m.setTo(0.0, ~finite);
        cv::minMaxLoc(m.reshape(1), &lo, &hi);
    }
    bool unit = (m.depth() == CV_32F || m.depth() == CV_64F) && lo >= 0 && hi <= 1;
    if (unit)
        m.convertTo(out, CV_8U, 255.0);
    else if (hi > lo)
        m.convertTo(out, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
    else
        out = cv::Mat(m.size(), CV_8UC(m.channels()), cv::Scalar::all(255));
    return out;
}

// 8-bit grey or BGR with any transparency composited onto white.
cv::Mat to_page_image(const cv::Mat& decoded) {
    cv::Mat m = to_8bit_samples(decoded);
    std::vector<cv::Mat> planes;
    switch (m.channels()) {
        case 1:
        case 3:
            return m;
        case 2:
            cv::split(m, planes);
            return on_white(planes[0], planes[1]);
        case 4: {
            cv::split(m, planes);
            cv::Mat bgr;
            cv::merge(std::vector<cv::Mat>{planes[0], planes[1], planes[2]}, bgr);
            return on_white(bgr, planes[3]);
        }
        default: {
            cv::Mat bgr;
            cv::extractChannel(m, bgr, 0);
            return bgr;
        }
    }
}

// Why a decoder may have given up on a file whose header read well.
std::string decode_hint(const ImageFrame& f, ImageFormat format) {
    bool usual_bits = f.bits == 1 || f.bits == 8 || f.bits == 16 ||
                      (format == ImageFormat::Tiff && (f.bits == 32 || f.bits == 64)) ||
                      (format == ImageFormat::Png && (f.bits == 2 || f.bits == 4));
    if (!usual_bits) return "; " + std::to_string(f.bits) + "-bit samples are not supported";
    if (format == ImageFormat::Tiff && f.bits == 64 && !f.floating)
        return "; 64-bit integer samples are not supported";
    if (f.samples > 4)
        return "; " + std::to_string(f.samples) + " samples per pixel are not supported";
    return "; the data is corrupt";
}

// The format after the checks every loader makes first (from the first bytes only).
ImageFormat checked_format(const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path, "no such file");
    if (fs::is_directory(path, ec)) throw InputError(path, "is a directory, not an image");
    if (!fs::is_regular_file(path, ec))
        throw InputError(path, "is not a regular file (a device or a pipe?)");
    if (fs::file_size(path, ec) == 0) throw InputError(path, "empty file");
    ImageFormat format = sniff_image_format(read_bytes(path, 8));
    if (format == ImageFormat::Unknown)
        throw InputError(path, "not a PNG, JPEG, TIFF or PDF file (unrecognised file signature)");
    return format;
}

// A PNG, JPEG or TIFF file with its header read; refused when truncated or corrupt.
struct RasterFile {
    std::string bytes;
    ImageHeader header;
};

// A TIFF page compressed with a method libtiff (OpenCV's TIFF decoder) cannot decode would
// come out as an empty page without any error.
void check_tiff_compression(ImageHeader& h) {
    for (size_t i = 0; i < h.frames.size(); ++i) {
        ImageFrame& f = h.frames[i];
        if (!f.problem.empty() || f.compression < 0 || f.compression > 0xFFFF ||
            TIFFIsCODECConfigured(uint16_t(f.compression)))
            continue;
        f.problem = (h.frames.size() > 1 ? "page " + std::to_string(i + 1) + " uses" : "uses") +
                    std::string(" TIFF compression ") + std::to_string(f.compression) +
                    ", which cannot be decoded";
        if (h.frames.size() == 1) h.problem = f.problem;
    }
}

RasterFile read_raster(const std::string& path) {
    RasterFile f;
    f.bytes = read_bytes(path);
    if (f.bytes.empty()) throw InputError(path, "empty file");
    f.header = read_image_header(f.bytes);
    if (f.header.format == ImageFormat::Tiff) check_tiff_compression(f.header);
    if (!f.header.problem.empty()) throw InputError(path, f.header.problem);
    return f;
}

// Decodes a JPEG once to find damaged data; only after the size check, since libjpeg holds a
// progressive image's coefficients whole (a few hundred bytes can declare 4 gigapixels).
void check_jpeg_data(const std::string& path, const RasterFile& f) {
    if (f.header.format != ImageFormat::Jpeg) return;
    if (std::string damage = jpeg_damage(f.bytes); !damage.empty())
        throw InputError(path,
                         "damaged JPEG data (" + damage + "); the page would have grey bands");
}

// Refuses page `index` when its header size is over the limit, before it is decoded.
void check_pixel_limit(const std::string& path, const RasterFile& f, size_t index,
                       const LoadOptions& options) {
    const ImageFrame& frame = f.header.frames[index];
    if (!frame.problem.empty()) throw InputError(path, frame.problem);
    double pixels = double(frame.width) * double(frame.height);
    if (pixels <= double(options.max_pixels)) return;
    std::string page =
        f.header.frames.size() > 1 ? "page " + std::to_string(index + 1) + " is " : "image is ";
    throw InputError(
        path, page + std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                  " pixels (" + megapixels(pixels) + " megapixels), larger than the limit of " +
                  megapixels(double(options.max_pixels)) + " (raise it with --max-megapixels)");
}

void check_page_size(const std::string& path, int index, int width, int height) {
    const std::string size = std::to_string(width) + "x" + std::to_string(height) + " pixels";
    const std::string page = index > 0 ? "page " + std::to_string(index + 1) + " is " : "image is ";
    if (std::min(width, height) < kMinPageSide)
        throw InputError(path, page + size + ": too small to hold text (a line of type needs " +
                                   std::to_string(kMinPageSide) + " pixels)");
    if (std::max(width, height) > kMaxPageSide)
        throw InputError(path, page + size + ": a side longer than " +
                                   std::to_string(kMaxPageSide) +
                                   " pixels cannot be read (split or scale the scan)");
}

Page make_page(const std::string& path, int index, int dpi, const cv::Mat& m,
               const LoadOptions& options) {
    if (m.empty())
        throw InputError(path, "page " + std::to_string(index + 1) + " cannot be decoded");
    if (double(m.cols) * m.rows > double(options.max_pixels))
        throw InputError(path, "page " + std::to_string(index + 1) + " is " +
                                   std::to_string(m.cols) + "x" + std::to_string(m.rows) +
                                   " pixels, larger than the limit of " +
                                   megapixels(double(options.max_pixels)) + " megapixels");
    Page page;
    page.source = path;
    page.index = index;
    page.dpi = dpi;
    page.image = to_page_image(m);
    page.source_size = page.image.size();
    check_page_size(path, index, m.cols, m.rows);
    return page;
}

Page load_pdf_page(const std::string& path, int index, const LoadOptions& options) {
    int dpi = pdf_page_dpi(path, index, options.dpi);
    return make_page(path, index, dpi, render_pdf_page(path, index, dpi, options.max_pixels),
                     options);
}

// OpenCV's decoders print what they refuse (an exception of several lines, with the source
// line of OpenCV) and log warnings on std::cerr, then return an empty image; the user gets one
// line with the reason from the header instead (decode_hint). So decoding runs one at a time
// with std::cerr captured and OpenCV's logger silent; what OpenCV wrote is kept to tell out
// of memory from a corrupt file. (libpng's own lines are avoided by png_for_decoder.)
class CapturedDecoderOutput {
  public:
    CapturedDecoderOutput()
        : lock_(mutex()),
          old_buf_(std::cerr.rdbuf(text_.rdbuf())),
          old_level_(cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT)) {}
    ~CapturedDecoderOutput() {
        cv::utils::logging::setLogLevel(old_level_);
        std::cerr.rdbuf(old_buf_);
        std::cerr.clear();
    }
    CapturedDecoderOutput(const CapturedDecoderOutput&) = delete;
    CapturedDecoderOutput& operator=(const CapturedDecoderOutput&) = delete;
    bool ran_out_of_memory() const {
        const std::string t = text_.str();
        return t.find("Insufficient memory") != std::string::npos ||
               t.find("(-4:") != std::string::npos;
    }

  private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    std::lock_guard<std::mutex> lock_;
    std::ostringstream text_;
    std::streambuf* old_buf_;
    cv::utils::logging::LogLevel old_level_;
};

Error out_of_memory(const std::string& path) {
    return Error(path + ": out of memory while decoding the image");
}

// The page `m` turned as an EXIF orientation (2..8) says, the way OpenCV turns a JPEG.
cv::Mat oriented(const cv::Mat& m, int orientation) {
    cv::Mat out = m;
    switch (orientation) {
        case 2:
            cv::flip(m, out, 1);
            break;
        case 3:
            cv::flip(m, out, -1);
            break;
        case 4:
            cv::flip(m, out, 0);
            break;
        case 5:
            cv::transpose(m, out);
            break;
        case 6:
            cv::rotate(m, out, cv::ROTATE_90_CLOCKWISE);
            break;
        case 7:
            cv::flip(m, out, -1);
            cv::transpose(out, out);
            break;
        case 8:
            cv::rotate(m, out, cv::ROTATE_90_COUNTERCLOCKWISE);
            break;
        default:
            break;
    }
    return out;
}

// Pages [first, first + count) of a raster file. PNG and TIFF keep their alpha (composited
// onto white by make_page; OpenCV turns a CMYK TIFF into BGRA); a JPEG is read as grey or
// BGR — an Adobe CMYK/YCCK JPEG converted by the decoder — with its EXIF orientation applied
// (photographed pages are often rotated so), and a PNG's eXIf orientation is applied here as
// OpenCV applies a JPEG's (it ignores it when reading with IMREAD_UNCHANGED).
std::vector<cv::Mat> decode(const std::string& path, RasterFile& f, int first, int count) {
    std::vector<cv::Mat> images;
    std::string png;
    if (f.header.format == ImageFormat::Png) {
        std::string problem;
        png = png_for_decoder(f.bytes, problem);
        if (png.empty()) throw InputError(path, problem);
    }
    try {
        CapturedDecoderOutput captured;
        try {
            if (f.header.format == ImageFormat::Tiff) {
                cv::imreadmulti(path, images, first, count, cv::IMREAD_UNCHANGED);
            } else {
                std::string& bytes = png.empty() ? f.bytes : png;
                cv::Mat buffer(1, int(bytes.size()), CV_8U, bytes.data());
                int flags = f.header.format == ImageFormat::Png
                                ? int(cv::IMREAD_UNCHANGED)
                                : int(cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR);
                cv::Mat m = cv::imdecode(buffer, flags);
                if (!m.empty()) images.push_back(oriented(m, f.header.frames[0].orientation));
            }
        } catch (const cv::Exception& e) {
            if (e.code == cv::Error::StsNoMem) throw out_of_memory(path);
            throw InputError(path, "cannot decode image (" + std::string(e.err) + ")");
        }
        if (int(images.size()) < count && captured.ran_out_of_memory()) throw out_of_memory(path);
    } catch (const std::bad_alloc&) {
        throw out_of_memory(path);
    }
    if (int(images.size()) < count) {
        size_t bad = size_t(first) + images.size();
        std::string which = f.header.frames.size() > 1
                                ? "page " + std::to_string(bad + 1) + " of " +
                                      std::to_string(f.header.frames.size())
                                : "image";
        throw InputError(
            path, "cannot decode " + which + decode_hint(f.header.frames[bad], f.header.format));
    }
    return images;
}

}  // namespace

bool is_image_path(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff" ||
           ext == ".pdf";
}

int count_pages(const std::string& path) {
    ImageFormat format = checked_format(path);
    if (format == ImageFormat::Pdf) return pdf_page_count(path);
    if (format != ImageFormat::Tiff) return 1;
    return int(read_raster(path).header.frames.size());  // from the header: nothing decoded
}

Page load_page(const std::string& path, int index, const LoadOptions& options) {
    ImageFormat format = checked_format(path);
    if (format == ImageFormat::Pdf) return load_pdf_page(path, index, options);
    RasterFile f = read_raster(path);
    if (index < 0 || size_t(index) >= f.header.frames.size())
        throw InputError(path, "has no page " + std::to_string(index + 1));
    check_pixel_limit(path, f, size_t(index), options);
    check_jpeg_data(path, f);
    return make_page(path, index, options.dpi, decode(path, f, index, 1).front(), options);
}

std::vector<Page> load_pages(const std::string& path, const LoadOptions& options) {
    ImageFormat format = checked_format(path);
    std::vector<Page> pages;
    if (format == ImageFormat::Pdf) {
        int n = pdf_page_count(path);
        for (int i = 0; i < n; ++i) pages.push_back(load_pdf_page(path, i, options));
        if (pages.empty()) throw InputError(path, "PDF has no pages");
        return pages;
    }
    RasterFile f = read_raster(path);
    for (const ImageFrame& frame : f.header.frames)
        if (!frame.problem.empty()) throw InputError(path, frame.problem);
    for (size_t i = 0; i < f.header.frames.size(); ++i) check_pixel_limit(path, f, i, options);
    check_jpeg_data(path, f);
    std::vector<cv::Mat> images = decode(path, f, 0, int(f.header.frames.size()));
    for (size_t i = 0; i < images.size(); ++i)
        pages.push_back(make_page(path, int(i), options.dpi, images[i], options));
    return pages;
}

}  // namespace scanfix
