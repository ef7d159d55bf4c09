// Handwritten marks; see pen.hpp.
#include "pen.hpp"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace scanfix::samples {

cv::Mat pen_write(Typeface& face, const std::string& text, Rng& rng) {
    const InkedText& written = face.render(text);
    if (written.alpha.empty()) return {};
    const int pad = face.pixel_size() / 2;
    cv::Mat src;
    cv::copyMakeBorder(written.alpha, src, pad, pad, pad, pad, cv::BORDER_CONSTANT, 0);

    // Slant and tilt about the centre.
    const double shear = rng.uniform(0.05, 0.3);
    const double tilt = rng.uniform(-6.0, 6.0) * 3.14159265358979 / 180.0;
    const double scale = rng.uniform(0.9, 1.15);
    const cv::Point2d c(src.cols * 0.5, src.rows * 0.5);
    const double a = scale * std::cos(tilt), b = scale * std::sin(tilt);
    cv::Matx23d m(a, -b + shear * a, 0, b, a + shear * b, 0);
    m(0, 2) = c.x - (m(0, 0) * c.x + m(0, 1) * c.y);
    m(1, 2) = c.y - (m(1, 0) * c.x + m(1, 1) * c.y);
    cv::Mat slanted;
    cv::warpAffine(src, slanted, m, src.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);

    // A hand does not hold a steady line: bend the strokes with slow waves.
    const double amp = face.pixel_size() * rng.uniform(0.02, 0.05);
    const double wx = rng.uniform(0.5, 1.5) * 6.283 / face.pixel_size();
    const double wy = rng.uniform(0.5, 1.5) * 6.283 / face.pixel_size();
    const double px = rng.uniform(0, 6.283), py = rng.uniform(0, 6.283);
    cv::Mat map_x(slanted.size(), CV_32F), map_y(slanted.size(), CV_32F);
    for (int y = 0; y < slanted.rows; ++y)
        for (int x = 0; x < slanted.cols; ++x) {
            map_x.at<float>(y, x) = static_cast<float>(x + amp * std::sin(y * wy + py));
            map_y.at<float>(y, x) = static_cast<float>(y + amp * std::sin(x * wx + px));
        }
    cv::Mat wavy;
    cv::remap(slanted, wavy, map_x, map_y, cv::INTER_LINEAR, cv::BORDER_CONSTANT, 0);
    // Pen ink is less even than a font: a slight thinning and a soft edge.
    cv::Mat out;
    wavy.convertTo(out, CV_8U, rng.uniform(0.8, 1.0));
    cv::Rect ink = cv::boundingRect(out > 24);
    return ink.area() > 0 ? out(ink).clone() : cv::Mat();
}

}  // namespace scanfix::samples
