// Small geometry helpers shared by the writers: the page's size, unions of word boxes, and the
// way from working-image boxes to the source image every emitted box and polygon is on.
#pragma once

#include "scanfix/core/page.hpp"

namespace scanfix::emit_detail {

// The size of the image the page came from (boxes are emitted on it).
inline cv::Size page_size(const Page& page) {
    if (page.source_size.area() > 0) return page.source_size;
    if (!page.image.empty()) return page.image.size();
    return page.working_size();
}

// A working-image box as emitted: the upright box that holds it on the source image.
inline cv::Rect source_box(const Page& page, const cv::Rect& box) {
    return page.source_box(box);
}

// The line's box, or the union of its kept words' boxes when the recogniser gave none.
inline cv::Rect line_box(const Line& line) {
    if (line.has_box()) return line.box;
    cv::Rect r;
    for (const Word& w : line.words)
        if (!w.removed && w.has_box()) r = r.area() ? (r | w.box) : w.box;
    return r;
}

// Confidence 0..100 as a fraction 0..1 (ALTO's WC, PAGE's conf); unknown counts as 1.
inline double confidence_fraction(const Word& w) {
    return w.confidence < 0 ? 1.0 : std::min(100.0, double(w.confidence)) / 100.0;
}

}  // namespace scanfix::emit_detail
