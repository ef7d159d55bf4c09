// Font lookup and freetype rendering into ink masks; see typeface.hpp.
#include "typeface.hpp"

#include <algorithm>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "scanfix/core/error.hpp"

namespace scanfix::samples {

const std::vector<std::string>& typewriter_font_files() {
    static const std::vector<std::string> files = {
        "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
        "/usr/share/fonts/truetype/freefont/FreeMono.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    };
    return files;
}

const std::vector<NamedFont>& typewriter_font_names() {
    static const std::vector<NamedFont> fonts = {
        {"nimbus-mono", "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Regular.otf",
         "fonts-urw-base35"},
        {"freemono", "/usr/share/fonts/truetype/freefont/FreeMono.ttf", "fonts-freefont-ttf"},
        {"dejavu-mono", "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "fonts-dejavu-core"},
        {"liberation-mono", "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf",
         "fonts-liberation2"},
        {"cmu-typewriter", "/usr/share/fonts/truetype/cmu/cmuntt.ttf", "fonts-cmu"},
    };
    return fonts;
}

std::string typewriter_font_file(const std::string& name_or_file) {
    for (const NamedFont& f : typewriter_font_names()) {
        if (f.name != name_or_file) continue;
        if (!std::filesystem::exists(f.file))
            throw InputError(f.file,
                             "font " + f.name + " is not installed (install " + f.package + ")");
        return f.file;
    }
    if (!name_or_file.empty() && !std::filesystem::exists(name_or_file))
        throw InputError(name_or_file,
                         "font file not found (nor a font name: nimbus-mono, "
                         "freemono, dejavu-mono, liberation-mono, cmu-typewriter)");
    return name_or_file;
}

const std::vector<std::string>& stamp_font_files() {
    static const std::vector<std::string> files = {
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
        "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    };
    return files;
}

const std::vector<std::string>& pen_font_files() {
    static const std::vector<std::string> files = {
        "/usr/share/fonts/opentype/urw-base35/Z003-MediumItalic.otf",
        "/usr/share/fonts/opentype/urw-base35/NimbusSans-Italic.otf",
        "/usr/share/fonts/truetype/freefont/FreeSansOblique.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
    };
    return files;
}

std::string find_font(const std::string& preferred, const std::vector<std::string>& candidates,
                      const std::string& what) {
    namespace fs = std::filesystem;
    if (!preferred.empty()) {
        if (!fs::exists(preferred)) throw InputError(preferred, "font file not found");
        return preferred;
    }
    for (const std::string& f : candidates)
        if (fs::exists(f)) return f;
    throw InputError(candidates.empty() ? what : candidates.front(),
                     "no " + what +
                         " font installed (install fonts-urw-base35, "
                         "fonts-freefont-ttf or fonts-dejavu-core)");
}

Typeface::Typeface(const std::string& file, int pixel_size) : file_(file), size_(pixel_size) {
    ft_ = cv::freetype::createFreeType2();
    try {
        ft_->loadFontData(file, 0);
    } catch (const cv::Exception& e) {
        throw InputError(file, "cannot load font: " + std::string(e.what()));
    }
    // putText's origin is not the baseline; find the baseline from where a capital ends.
    InkedText probe = draw("Н");
    cv::Rect cap = cv::boundingRect(probe.alpha > 127);
    baseline_offset_ = cap.y + cap.height - probe.origin.y;
    cap_height_ = cap.height;
    int base = 0;
    advance_ = ft_->getTextSize("ММММММММММ", size_, -1, &base).width / 10;
}

InkedText Typeface::draw(const std::string& text) const {
    int base = 0;
    cv::Size sz = ft_->getTextSize(text, size_, -1, &base);
    // Some faces report odd sizes for glyphs they lack; the padding holds any overhang.
    const int pad = size_;
    cv::Mat canvas(std::max(sz.height, size_) + 3 * pad, std::max(sz.width, 0) + 2 * pad, CV_8UC3,
                   cv::Scalar::all(0));
    ft_->putText(canvas, text, {pad, pad}, size_, cv::Scalar::all(255), -1, cv::LINE_AA, false);
    cv::Mat alpha;
    cv::extractChannel(canvas, alpha, 0);
    // Keep only the inked part; a blank (a space) has an empty mask.
    cv::Rect ink = cv::boundingRect(alpha);
    InkedText out;
    out.alpha = ink.area() > 0 ? alpha(ink).clone() : cv::Mat();
    out.origin = cv::Point(pad, pad + baseline_offset_) - ink.tl();
    return out;
}

int Typeface::text_width(const std::string& text) const {
    int base = 0;
    return ft_->getTextSize(text, size_, -1, &base).width;
}

const InkedText& Typeface::render(const std::string& text) {
    auto it = cache_.find(text);
    if (it == cache_.end()) it = cache_.emplace(text, draw(text)).first;
    return it->second;
}

}  // namespace scanfix::samples
