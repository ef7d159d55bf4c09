// Page model helpers: text of lines and the logged edit operations filters use.
#include "scanfix/core/page.hpp"

#include <algorithm>
#include <cmath>

namespace scanfix {

std::string Line::text() const {
    std::string out;
    for (const Word& w : words) {
        if (w.removed || w.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

std::string Line::raw_text() const {
    std::string out;
    for (const Word& w : words) {
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

bool Line::empty() const {
    if (removed) return true;
    for (const Word& w : words)
        if (!w.removed && !w.text.empty()) return false;
    return true;
}

const char* to_string(RegionKind kind) {
    switch (kind) {
        case RegionKind::TextColumn:
            return "text_column";
        case RegionKind::Margin:
            return "margin";
        case RegionKind::Stamp:
            return "stamp";
        case RegionKind::Border:
            return "border";
        case RegionKind::PunchHole:
            return "punch_hole";
        case RegionKind::Column:
            return "column";
        case RegionKind::Table:
            return "table";
        case RegionKind::TableRow:
            return "table_row";
    }
    return "unknown";
}

const Region* Page::text_column() const {
    for (const Region& r : regions)
        if (r.kind == RegionKind::TextColumn) return &r;
    return nullptr;
}

std::vector<cv::Rect> Page::region_boxes(RegionKind kind) const {
    std::vector<cv::Rect> boxes;
    for (const Region& r : regions)
        if (r.kind == kind) boxes.push_back(r.box);
    return boxes;
}

void Page::remove_word(int line, int word, const std::string& stage, const std::string& reason) {
    Word& w = lines.at(line).words.at(word);
    if (w.removed) return;
    w.removed = true;
    note({stage, "removed", reason, w.text, "", line, word, w.box});
}

void Page::remove_line(int line, const std::string& stage, const std::string& reason) {
    Line& l = lines.at(line);
    if (l.removed) return;
    l.removed = true;
    note({stage, "removed", reason, l.text(), "", line, -1, l.box});
}

void Page::replace_word(int line, int word, const std::string& text, const std::string& stage,
                        const std::string& reason) {
    Word& w = lines.at(line).words.at(word);
    if (w.text == text) return;
    note({stage, "replaced", reason, w.text, text, line, word, w.box});
    w.text = text;
}

std::string Page::label() const {
    return index > 0 ? source + " p." + std::to_string(index + 1) : source;
}

namespace {

// The corners of a box carried through a projective map.
std::array<cv::Point2d, 4> mapped_corners(const cv::Matx33d& m, const cv::Rect& box) {
    const double x0 = box.x, y0 = box.y, x1 = box.x + box.width, y1 = box.y + box.height;
    const cv::Point2d corners[4] = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
    std::array<cv::Point2d, 4> out;
    for (int i = 0; i < 4; ++i) {
        const cv::Vec3d p = m * cv::Vec3d(corners[i].x, corners[i].y, 1.0);
        const double w = std::abs(p[2]) > 1e-12 ? p[2] : 1e-12;
        out[i] = {p[0] / w, p[1] / w};
    }
    return out;
}

// The upright box holding a box carried through a projective map.
cv::Rect mapped_box(const cv::Matx33d& m, const cv::Rect& box) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const cv::Point2d& c : mapped_corners(m, box)) {
        x0 = std::min(x0, c.x);
        y0 = std::min(y0, c.y);
        x1 = std::max(x1, c.x);
        y1 = std::max(y1, c.y);
    }
    return cv::Rect(cv::Point(int(std::floor(x0)), int(std::floor(y0))),
                    cv::Point(int(std::ceil(x1)), int(std::ceil(y1))));
}

}  // namespace

std::array<cv::Point2d, 4> Page::source_corners(const cv::Rect& box) const {
    return mapped_corners(to_source, box);
}

cv::Rect Page::source_box(const cv::Rect& box) const {
    if (box.area() <= 0 || to_source == cv::Matx33d::eye()) return box;
    cv::Rect r = mapped_box(to_source, box);
    if (source_size.area() > 0) r &= cv::Rect({}, source_size);
    return r;
}

cv::Rect Page::working_box(const cv::Rect& source) const {
    if (source.area() <= 0 || to_source == cv::Matx33d::eye()) return source;
    return mapped_box(to_source.inv(), source);
}

cv::Size Page::working_size() const {
    if (!binary.empty()) return binary.size();
    if (!gray.empty()) return gray.size();
    if (!image.empty()) return image.size();
    return source_size;
}

void Page::release_images() {
    if (source_size.area() == 0 && !image.empty()) source_size = image.size();
    image.release();
    gray.release();
    binary.release();
}

}  // namespace scanfix
