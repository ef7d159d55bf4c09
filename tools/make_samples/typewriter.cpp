// Typing into an ink mask with per-key and per-strike variation; see typewriter.hpp.
#include "typewriter.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "ink.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::samples {

Typewriter::Typewriter(Typeface& face, const StrikeStyle& style, Rng& rng)
    : face_(face),
      style_(style),
      salt_(static_cast<std::uint64_t>(rng.unit() * 9007199254740992.0)) {}

cv::Point2d Typewriter::key_offset(char32_t c) {
    auto it = offsets_.find(c);
    if (it == offsets_.end()) {
        // Derived from the key alone, so the same letter is misaligned the same way everywhere.
        Rng key(static_cast<std::uint64_t>(c) * 0x2545F4914F6CDD1DULL ^ salt_);
        double m = style_.key_offset_px;
        it = offsets_.emplace(c, cv::Point2d(key.uniform(-m, m) * 0.5, key.uniform(-m, m))).first;
    }
    return it->second;
}

cv::Rect Typewriter::type(cv::Mat& ink, const std::string& text, cv::Point at, Rng& rng) {
    cv::Rect box;
    std::u32string cells = utf32_of(text);
    const double limit = 2.5 * style_.jitter_px;
    for (size_t i = 0; i < cells.size(); ++i) {
        if (cells[i] == U' ') continue;
        const InkedText& glyph = face_.render(utf8_of(cells[i]));
        if (glyph.alpha.empty()) continue;
        cv::Point2d key = key_offset(cells[i]);
        double dx = key.x + std::clamp(rng.normal(0, style_.jitter_px * 0.6), -limit, limit);
        double dy = key.y + std::clamp(rng.normal(0, style_.jitter_px), -limit, limit);
        cv::Point origin(
            at.x + static_cast<int>(i) * face_.advance() + static_cast<int>(std::lround(dx)),
            at.y + static_cast<int>(std::lround(dy)));
        double strength = rng.uniform(1.0 - style_.strength_spread, 1.0);
        cv::Point tl = origin - glyph.origin;
        cv::Rect placed = place_mask(ink, glyph.alpha, tl, strength);
        if (rng.chance(style_.double_strike))
            place_mask(ink, glyph.alpha, tl + cv::Point(1, 0), 1.0);
        if (placed.area() > 0) box = box.area() > 0 ? (box | placed) : placed;
    }
    return box;
}

void spread_ink(cv::Mat& ink, double pixels) {
    if (pixels <= 0) return;
    cv::Mat soft;
    cv::GaussianBlur(ink, soft, cv::Size(0, 0), pixels);
    // Boost so the blurred edge reaches full ink again: a wider stroke, not a fainter one.
    soft.convertTo(soft, CV_8U, 1.0 + pixels);
    cv::max(ink, soft, ink);
}

void wear_ink(cv::Mat& ink, double amount, Rng& rng) {
    if (amount <= 0) return;
    cv::RNG cv_rng(static_cast<std::uint64_t>(rng.unit() * 4294967296.0));
    cv::Mat grain(ink.size(), CV_8U);
    cv_rng.fill(grain, cv::RNG::UNIFORM, 0, 256);
    cv::GaussianBlur(grain, grain, cv::Size(0, 0), 1.2);
    // The blur pulls the grain towards grey; stretch it back before taking ink away.
    cv::Mat keep;
    grain.convertTo(keep, CV_32F, 1.0 / 255.0);
    keep = (keep - 0.5) * 4.0 + 0.5;
    cv::min(cv::max(keep, 0.0), 1.0, keep);
    keep = 1.0 - amount * keep;
    cv::Mat inkf;
    ink.convertTo(inkf, CV_32F);
    inkf = inkf.mul(keep);
    inkf.convertTo(ink, CV_8U);
}

}  // namespace scanfix::samples
