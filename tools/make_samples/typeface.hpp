// Fonts for the sample generator: finding an installed Debian font and rendering text with
// cv::freetype into an ink mask (8-bit, 255 = full ink) that the other painters place and tint.
#pragma once

#include <map>
#include <opencv2/core.hpp>
#include <opencv2/freetype.hpp>
#include <string>
#include <vector>

namespace scanfix::samples {

// Monospace typewriter faces, in order of preference (fonts-urw-base35, fonts-freefont-ttf,
// fonts-dejavu-core).
const std::vector<std::string>& typewriter_font_files();

// A typewriter face by short name, with the file it is and the Debian package that ships it.
struct NamedFont {
    std::string name, file, package;
};
// nimbus-mono, freemono, dejavu-mono, liberation-mono, cmu-typewriter.
const std::vector<NamedFont>& typewriter_font_names();

// The font file for --font: a short name from typewriter_font_names() or a file path. Throws
// InputError when the named face is not installed or the file does not exist; "" stays "".
std::string typewriter_font_file(const std::string& name_or_file);
// Bold sans faces for stamp lettering.
const std::vector<std::string>& stamp_font_files();
// Slanted faces that pass for a pen hand (digits only are needed).
const std::vector<std::string>& pen_font_files();

// `preferred` when it is given (must exist), else the first existing candidate; throws
// InputError naming `what` when none is installed.
std::string find_font(const std::string& preferred, const std::vector<std::string>& candidates,
                      const std::string& what);

// Text rendered as an ink mask with the pixel where its baseline starts.
struct InkedText {
    cv::Mat alpha;     // CV_8UC1, 255 = full ink
    cv::Point origin;  // baseline-left of the text inside `alpha`
};

// One font at one pixel size. Renders are cached per string, since a page types the same
// letters thousands of times.
class Typeface {
  public:
    Typeface(const std::string& file, int pixel_size);

    const InkedText& render(const std::string& text);
    // Advance width of `text` in pixels.
    int text_width(const std::string& text) const;
    int pixel_size() const { return size_; }
    // Width of one character cell (monospace faces) measured on "М".
    int advance() const { return advance_; }
    // Height of a capital above the baseline, measured on "Н".
    int cap_height() const { return cap_height_; }
    const std::string& file() const { return file_; }

  private:
    InkedText draw(const std::string& text) const;

    std::string file_;
    int size_;
    cv::Ptr<cv::freetype::FreeType2> ft_;
    int baseline_offset_ = 0;  // baseline below putText's origin
    int advance_ = 0;
    int cap_height_ = 0;
    std::map<std::string, InkedText> cache_;
};

}  // namespace scanfix::samples
