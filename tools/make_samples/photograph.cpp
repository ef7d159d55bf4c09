// The photographed bound volume; see photograph.hpp.
#include "photograph.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "ink.hpp"
#include "paper.hpp"
#include "utf32.hpp"

namespace scanfix::samples {
namespace {

// Random lower-case "words", enough to fill `cells` character cells.
std::string gibberish(int cells, Rng& rng) {
    static const std::u32string letters = U"абвгдежзиклмнопрстуфхцчшщыэюя";
    std::u32string out;
    while (static_cast<int>(out.size()) < cells) {
        if (!out.empty()) out += U' ';
        for (int k = rng.between(2, 9); k > 0; --k)
            out +=
                letters[static_cast<size_t>(rng.between(0, static_cast<int>(letters.size()) - 1))];
    }
    out.resize(static_cast<size_t>(cells));
    return to_u8(out);
}

// The part of the facing page that shows: typed at full width, then squeezed into `strip`
// pixels as the curving sheet is seen at a slant. `right_half`: its right side shows (the
// facing page lies left of the spine).
cv::Mat facing_edge(cv::Size strip, bool right_half, Typewriter& typewriter, int pitch, Rng& rng) {
    cv::Size flat(strip.width * 2, strip.height);
    cv::Mat paper = make_paper(flat, rng.uniform(0.3, 0.7), rng);
    cv::Mat ink(flat, CV_8U, cv::Scalar(0));
    const int adv = typewriter.advance();
    const int margin = static_cast<int>(flat.width * rng.uniform(0.08, 0.2));
    for (int y = static_cast<int>(flat.height * rng.uniform(0.06, 0.12)); y < flat.height * 0.9;
         y += pitch) {
        if (rng.chance(0.15)) continue;  // a paragraph break or a short line
        const int cells = flat.width / adv;
        int x = right_half ? flat.width - margin - (cells + rng.between(0, 8)) * adv : margin;
        typewriter.type(ink, gibberish(cells, rng), {x, y}, rng);
    }
    lay_ink(paper, ink, cv::Scalar(0.1, 0.1, 0.12), 1.0);
    cv::Mat squeezed;
    cv::resize(paper, squeezed, strip, 0, 0, cv::INTER_AREA);
    return squeezed;
}

}  // namespace

Photograph photograph_in_volume(cv::Mat& page, Typewriter& typewriter, int pitch, double dpi,
                                Rng& rng) {
    const cv::Size size = page.size();
    const double mm = dpi / 25.4;
    const bool spine_left = rng.chance(0.5);
    const int strip = static_cast<int>(size.width * rng.uniform(0.05, 0.10));
    const int outer = static_cast<int>(size.width * rng.uniform(0.01, 0.03));
    const cv::Vec3f table(static_cast<float>(rng.uniform(0.08, 0.16)),
                          static_cast<float>(rng.uniform(0.10, 0.18)),
                          static_cast<float>(rng.uniform(0.12, 0.22)));
    cv::Mat photo(size, CV_32FC3, cv::Scalar(table[0], table[1], table[2]));

    // The facing page, squeezed into the strip beyond the spine.
    cv::Rect facing_box(spine_left ? 0 : size.width - strip, 0, strip, size.height);
    facing_edge(facing_box.size(), spine_left, typewriter, pitch, rng).copyTo(photo(facing_box));

    // The page itself, a little smaller, with each free corner pulled a little (the camera is
    // never quite square to the sheet); the spine edge stays on the spine.
    const double scale = static_cast<double>(size.width - strip - outer) / size.width;
    const double top = (size.height - size.height * scale) * rng.uniform(0.2, 0.8);
    const double x0 = spine_left ? strip : outer, x1 = x0 + size.width * scale;
    const double y1 = top + size.height * scale, j = 0.015 * size.width;
    auto pull = [&] { return rng.uniform(-j, j); };
    std::vector<cv::Point2f> from = {
        {0, 0},
        {static_cast<float>(size.width), 0},
        {static_cast<float>(size.width), static_cast<float>(size.height)},
        {0, static_cast<float>(size.height)}};
    std::vector<cv::Point2d> to = {{x0, top}, {x1, top}, {x1, y1}, {x0, y1}};
    for (size_t k = 0; k < 4; ++k) {
        const bool on_spine = (k == 0 || k == 3) == spine_left;
        if (!on_spine) to[k].x += pull();
        to[k].y += pull();
    }
    std::vector<cv::Point2f> to_f(to.begin(), to.end());
    cv::Mat h = cv::getPerspectiveTransform(from, to_f);
    cv::warpPerspective(page, photo, h, size, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);

    // The gutter's shadow on both sides of the spine, and the light falling off across the shot.
    const double spine = spine_left ? strip : size.width - strip;
    const double width = rng.uniform(3, 7) * mm, depth = rng.uniform(0.45, 0.7);
    const cv::Point2d light(rng.uniform(0.3, 0.7) * size.width,
                            rng.uniform(0.3, 0.7) * size.height);
    const double falloff = rng.uniform(0.08, 0.2), reach = std::hypot(size.width, size.height);
    for (int y = 0; y < size.height; ++y) {
        cv::Vec3f* p = photo.ptr<cv::Vec3f>(y);
        for (int x = 0; x < size.width; ++x) {
            const double d = (x - spine) / width;
            const double curl = std::exp(-std::abs(x - spine) / (6 * width));
            const double r = std::hypot(x - light.x, y - light.y) / reach;
            const double shade =
                (1 - depth * std::exp(-d * d)) * (1 - 0.18 * curl) * (1 - falloff * r * r * 4);
            p[x] *= static_cast<float>(shade);
        }
    }
    page = photo;

    Photograph out;
    out.moved = cv::Matx33d(h);
    NoiseItem shot;
    shot.kind = "photographed";
    shot.box = {0, 0, size.width, size.height};
    out.items.push_back(shot);
    NoiseItem facing;
    facing.kind = "facing_page";
    facing.box = facing_box;
    out.items.push_back(facing);
    NoiseItem gutter;
    gutter.kind = "gutter_shadow";
    const int half = static_cast<int>(2 * width);
    gutter.box = cv::Rect(static_cast<int>(spine) - half, 0, 2 * half, size.height) &
                 cv::Rect(0, 0, size.width, size.height);
    out.items.push_back(gutter);
    return out;
}

cv::Rect move_box(const cv::Rect& box, const cv::Matx33d& moved, cv::Size bounds) {
    if (box.area() <= 0) return box;
    std::vector<cv::Point2f> corners = {
        cv::Point2f(box.tl()),
        cv::Point2f(static_cast<float>(box.x + box.width), static_cast<float>(box.y)),
        cv::Point2f(box.br()),
        cv::Point2f(static_cast<float>(box.x), static_cast<float>(box.y + box.height))};
    std::vector<cv::Point2f> out;
    cv::perspectiveTransform(corners, out, cv::Matx33f(moved));
    return cv::boundingRect(out) & cv::Rect(cv::Point(0, 0), bounds);
}

}  // namespace scanfix::samples
