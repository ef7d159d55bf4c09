// Numbered debug PNGs and the region overlay; see debug_images.hpp.
#include "scanfix/ocr/debug_images.hpp"

#include <cstdio>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "scanfix/core/error.hpp"

namespace scanfix {

namespace fs = std::filesystem;

DebugImages::DebugImages(const std::string& dir, const Page& page) : dir_(dir) {
    if (dir_.empty()) return;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw InputError(dir_, "cannot create debug folder: " + ec.message());
    stem_ = page.source.empty() ? "page" : fs::path(page.source).stem().string();
    if (page.index > 0) stem_ += "-p" + std::to_string(page.index + 1);
}

void DebugImages::save(const std::string& step, const cv::Mat& image) {
    if (!enabled() || image.empty()) return;
    char num[16];
    std::snprintf(num, sizeof num, "%02d", ++counter_);
    std::string path = (fs::path(dir_) / (stem_ + "-" + num + "-" + step + ".png")).string();
    bool ok = false;
    try {
        ok = cv::imwrite(path, image);
    } catch (const cv::Exception& e) {
        throw InputError(path, e.what());
    }
    if (!ok) throw InputError(path, "cannot write debug image");
}

namespace {
cv::Scalar colour_of(RegionKind kind) {
    switch (kind) {
        case RegionKind::TextColumn:
            return {0, 160, 0};
        case RegionKind::Margin:
            return {200, 120, 0};
        case RegionKind::Stamp:
            return {200, 0, 200};
        case RegionKind::Border:
            return {0, 140, 255};
        case RegionKind::PunchHole:
            return {0, 200, 200};
        case RegionKind::Column:
            return {0, 100, 0};
        case RegionKind::Table:
            return {160, 60, 0};
        case RegionKind::TableRow:
            return {220, 180, 120};
    }
    return {0, 0, 0};
}
}  // namespace

void DebugImages::save_overlay(const cv::Mat& gray, const Page& page,
                               const std::vector<cv::Rect>& removed) {
    if (!enabled() || gray.empty()) return;
    cv::Mat overlay;
    if (gray.channels() == 1)
        cv::cvtColor(gray, overlay, cv::COLOR_GRAY2BGR);
    else
        overlay = gray.clone();
    const int thick = std::max(2, overlay.cols / 600);
    const double font = std::max(0.8, overlay.cols / 1200.0);
    for (const auto& r : removed) cv::rectangle(overlay, r, {0, 0, 255}, std::max(1, thick / 2));
    for (const auto& region : page.regions) {
        cv::rectangle(overlay, region.box, colour_of(region.kind), thick);
        cv::putText(overlay, to_string(region.kind), region.box.tl() + cv::Point(thick, 30 * font),
                    cv::FONT_HERSHEY_SIMPLEX, font, colour_of(region.kind), thick);
    }
    char skew[64];
    std::snprintf(skew, sizeof skew, "skew %.2f deg", page.skew_degrees);
    cv::putText(overlay, skew, {20, int(40 * font)}, cv::FONT_HERSHEY_SIMPLEX, font, {0, 0, 255},
                thick);
    save("overlay", overlay);
}

}  // namespace scanfix
