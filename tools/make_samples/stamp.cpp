// Drawing round and rectangular stamps; see stamp.hpp.
#include "stamp.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "ink.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::samples {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Puts a glyph so that the middle of its baseline lands on `at`, turned by `degrees` clockwise.
void place_turned(cv::Mat& mask, const InkedText& glyph, int width, cv::Point2d at,
                  double degrees) {
    if (glyph.alpha.empty()) return;
    const int side = 2 * (std::max(glyph.alpha.cols, glyph.alpha.rows) + width) + 4;
    cv::Mat canvas(side, side, CV_8U, cv::Scalar(0));
    const cv::Point2d pivot(side * 0.5, side * 0.5);
    // Glyph's baseline middle at the pivot.
    cv::Point tl(static_cast<int>(pivot.x - width * 0.5) - glyph.origin.x,
                 static_cast<int>(pivot.y) - glyph.origin.y);
    place_mask(canvas, glyph.alpha, tl);
    cv::Mat turned;
    cv::warpAffine(canvas, turned, cv::getRotationMatrix2D(pivot, -degrees, 1.0), canvas.size());
    place_mask(mask, turned,
               cv::Point(static_cast<int>(at.x - pivot.x), static_cast<int>(at.y - pivot.y)));
}

void centred_lines(cv::Mat& mask, Typeface& face, const std::vector<std::string>& lines,
                   cv::Point2d centre, double pitch) {
    const double top = centre.y - pitch * (static_cast<double>(lines.size()) - 1) / 2.0;
    for (size_t i = 0; i < lines.size(); ++i) {
        const InkedText& t = face.render(lines[i]);
        if (t.alpha.empty()) continue;
        int w = face.text_width(lines[i]);
        double baseline = top + pitch * static_cast<double>(i) + face.cap_height() * 0.5;
        place_mask(mask, t.alpha,
                   cv::Point(static_cast<int>(centre.x - w * 0.5) - t.origin.x,
                             static_cast<int>(baseline) - t.origin.y));
    }
}

void draw_round(cv::Mat& mask, const std::string& font, const StampDesign& d, int size) {
    const cv::Point2d c(mask.cols * 0.5, mask.rows * 0.5);
    const double outer = size * 0.5;
    const int stroke = std::max(2, size / 70);
    cv::circle(mask, c, static_cast<int>(outer), cv::Scalar(255), stroke, cv::LINE_AA);
    // Rim lettering between the two rings; shrink the face until the text goes round once.
    int letter = std::max(8, static_cast<int>(size * 0.095));
    const std::string rim = d.rim + " * ";
    double radius = 0;
    std::unique_ptr<Typeface> face;
    for (;;) {
        face = std::make_unique<Typeface>(font, letter);
        radius = outer - stroke * 2 - face->cap_height() * 1.15;
        if (face->text_width(rim) < 2 * kPi * radius * 0.95 || letter <= 8) break;
        letter = letter * 9 / 10;
    }
    cv::circle(mask, c, static_cast<int>(radius - stroke * 2.5), cv::Scalar(255), stroke,
               cv::LINE_AA);
    const std::u32string letters = utf32_of(rim);
    double total = face->text_width(rim);
    const double spread = 2 * kPi * radius / total;  // stretch the text over the full circle
    double along = 0;
    for (char32_t ch : letters) {
        std::string s = utf8_of(ch);
        int w = face->text_width(s);
        double theta = (along + w * 0.5) * spread / radius;
        cv::Point2d at(c.x + radius * std::sin(theta), c.y - radius * std::cos(theta));
        place_turned(mask, face->render(s), w, at, theta * 180.0 / kPi);
        along += w;
    }
    Typeface middle(font, std::max(8, static_cast<int>(size * 0.085)));
    centred_lines(mask, middle, d.lines, c, middle.pixel_size() * 1.3);
}

void draw_box(cv::Mat& mask, const std::string& font, const StampDesign& d, int size) {
    Typeface face(font, std::max(8, static_cast<int>(size * 0.09)));
    int widest = 0;
    for (const std::string& l : d.lines) widest = std::max(widest, face.text_width(l));
    const double pitch = face.pixel_size() * 1.35;
    const int w = widest + face.pixel_size() * 2;
    const int h = static_cast<int>(pitch * d.lines.size() + face.pixel_size() * 1.2);
    const cv::Point2d c(mask.cols * 0.5, mask.rows * 0.5);
    const int stroke = std::max(2, size / 80);
    cv::Rect frame(static_cast<int>(c.x - w / 2), static_cast<int>(c.y - h / 2), w, h);
    if (d.framed) {
        cv::rectangle(mask, frame, cv::Scalar(255), stroke, cv::LINE_AA);
        const int inset = stroke * 3;
        cv::rectangle(mask,
                      cv::Rect(frame.x + inset, frame.y + inset, w - 2 * inset, h - 2 * inset),
                      cv::Scalar(255), std::max(1, stroke / 2), cv::LINE_AA);
    }
    centred_lines(mask, face, d.lines, c, pitch);
}

}  // namespace

std::string StampDesign::text() const {
    std::string out = rim;
    for (const std::string& l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

StampDesign pick_stamp_design(Rng& rng) {
    static const std::vector<StampDesign> designs = {
        {true, "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ СССР", {"ОБЩИЙ", "ОТДЕЛ"}},
        {true, "ГЛАВНОЕ АРХИВНОЕ УПРАВЛЕНИЕ", {"АРХИВ", "№ 3"}},
        {true, "КАНЦЕЛЯРИЯ СЕКРЕТАРИАТА", {"ДЛЯ", "ПАКЕТОВ"}},
        {false, "", {"СЕКРЕТНО"}},
        {false, "", {"Вх. № 4512", "«17» мая 1949 г."}},
        {false, "", {"ПОДЛЕЖИТ ВОЗВРАТУ", "в 1-ю ч. Секретариата"}},
    };
    return rng.pick(designs);
}

namespace {

// The ink is drawn first, then the angle: up to `spread` degrees either way, and with
// `sideways` a quarter turn one way or the other on top.
cv::Mat draw_stamp_at(const std::string& font_file, const StampDesign& design, int size_px,
                      double spread, bool sideways, Rng& rng) {
    const int side = size_px * 2;
    cv::Mat mask(side, side, CV_8U, cv::Scalar(0));
    if (design.round)
        draw_round(mask, font_file, design, size_px);
    else
        draw_box(mask, font_file, design, size_px);
    // Patchy ink: pressed harder on one side, a few thin spots.
    cv::Mat patch = smooth_noise(mask.size(), 5, rng);
    cv::Mat fine = smooth_noise(mask.size(), 60, rng);
    cv::Mat inkf;
    mask.convertTo(inkf, CV_32F);
    cv::Mat keep = 0.45 + 0.55 * patch;
    keep = keep.mul(0.75 + 0.25 * fine);
    inkf = inkf.mul(keep);
    inkf.convertTo(mask, CV_8U);
    double angle = rng.uniform(-spread, spread);
    if (sideways) angle += rng.uniform(0.0, 1.0) < 0.5 ? 90.0 : -90.0;
    cv::Mat turned;
    cv::warpAffine(mask, turned,
                   cv::getRotationMatrix2D(cv::Point2f(side * 0.5f, side * 0.5f), angle, 1.0),
                   mask.size());
    cv::Rect ink = cv::boundingRect(turned > 24);
    return ink.area() > 0 ? turned(ink).clone() : cv::Mat();
}

}  // namespace

cv::Mat draw_stamp(const std::string& font_file, const StampDesign& design, int size_px, Rng& rng) {
    return draw_stamp_at(font_file, design, size_px, 25.0, false, rng);
}

StampDesign pick_received_design(Rng& rng) {
    static const std::vector<StampDesign> designs = {
        {false, "", {"ПОЛУЧЕНО", "Вх. № 2817", "«3» июня 1949 г."}, false},
        {false, "", {"ОТДЕЛ ДЕЛОПРОИЗВОДСТВА", "ПОСТУПИЛО 12 АВГ 1948"}, false},
        {false, "", {"ВХОДЯЩИЙ № 1139", "от 5 июля 1949 г.", "Общий отдел"}, false},
    };
    return rng.pick(designs);
}

cv::Mat draw_turned_stamp(const std::string& font_file, const StampDesign& design, int size_px,
                          Rng& rng) {
    return draw_stamp_at(font_file, design, size_px, 4.0, true, rng);
}

}  // namespace scanfix::samples
