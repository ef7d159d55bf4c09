// Image loading with OpenCV's codecs, after the file's own header has been read (see
// image_header.hpp): a renamed, truncated or oversized file is refused with a clear reason
// before any decoder allocates memory for it. Every page comes out as 8-bit grey or BGR.
#include "scanfix/ocr/image_loader.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "image_header.hpp"
#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

std::string megapixels(double pixels) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", pixels / 1e6);
    return buf;
}

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open file");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
    if (f.samples > 4)
        return "; " + std::to_string(f.samples) + " samples per pixel are not supported";
    return "; the data is corrupt";
}

}  // namespace

bool is_image_path(const std::string& path) {
    std::string ext = fs::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff";
}

std::vector<Page> load_pages(const std::string& path, const LoadOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec)) throw InputError(path, "no such file");
    if (fs::is_directory(path, ec)) throw InputError(path, "is a directory, not an image");
    if (!fs::is_regular_file(path, ec))
        throw InputError(path, "is not a regular file (a device or a pipe?)");
    if (fs::file_size(path, ec) == 0) throw InputError(path, "empty file");
    std::string bytes = read_bytes(path);
    if (bytes.empty()) throw InputError(path, "empty file");

    ImageHeader header = read_image_header(bytes);
    if (header.format == ImageFormat::Pdf)
        throw InputError(path, "is a PDF; PDF input is not supported yet");
    if (header.format == ImageFormat::Unknown)
        throw InputError(path, "not a PNG, JPEG or TIFF image (unrecognised file signature)");
    if (!header.problem.empty()) throw InputError(path, header.problem);
    for (size_t i = 0; i < header.frames.size(); ++i) {
        const ImageFrame& f = header.frames[i];
        double pixels = double(f.width) * double(f.height);
        if (pixels > double(options.max_pixels))
            throw InputError(
                path, (header.frames.size() > 1 ? "page " + std::to_string(i + 1) + " is "
                                                : "image is ") +
                          std::to_string(f.width) + "x" + std::to_string(f.height) + " pixels (" +
                          megapixels(pixels) + " megapixels), more than the limit of " +
                          megapixels(double(options.max_pixels)) +
                          " (raise it with --max-megapixels)");
    }

    // PNG and TIFF keep their alpha (composited onto white below; OpenCV turns a CMYK TIFF
    // into BGRA); a JPEG is read as grey or BGR — an Adobe CMYK/YCCK JPEG converted by the
    // decoder — with its EXIF orientation applied (photographed pages are often rotated so).
    std::vector<cv::Mat> images;
    try {
        if (header.format == ImageFormat::Tiff) {
            cv::imreadmulti(path, images, cv::IMREAD_UNCHANGED);
        } else {
            cv::Mat buffer(1, int(bytes.size()), CV_8U, bytes.data());
            int flags = header.format == ImageFormat::Png
                            ? cv::IMREAD_UNCHANGED
                            : cv::IMREAD_ANYDEPTH | cv::IMREAD_ANYCOLOR;
            cv::Mat m = cv::imdecode(buffer, flags);
            if (!m.empty()) images.push_back(m);
        }
    } catch (const cv::Exception& e) {
        throw InputError(path, "cannot decode image (" + std::string(e.err) + ")");
    }
    const ImageFrame& first = header.frames.front();
    if (images.empty())
        throw InputError(path, "cannot decode image" + decode_hint(first, header.format));
    if (images.size() < header.frames.size())
        throw InputError(path, "page " + std::to_string(images.size() + 1) + " of " +
                                   std::to_string(header.frames.size()) + " cannot be decoded" +
                                   decode_hint(header.frames[images.size()], header.format));

    std::vector<Page> pages;
    for (size_t i = 0; i < images.size(); ++i) {
        const cv::Mat& m = images[i];
        if (m.empty())
            throw InputError(path, "page " + std::to_string(i + 1) + " cannot be decoded");
        if (double(m.cols) * m.rows > double(options.max_pixels))
            throw InputError(path, "page " + std::to_string(i + 1) +
                                       " decodes larger than the limit of " +
                                       megapixels(double(options.max_pixels)) + " megapixels");
        Page page;
        page.source = path;
        page.index = int(i);
        page.dpi = options.dpi;
        page.image = to_page_image(m);
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace scanfix
