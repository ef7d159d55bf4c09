// Small geometry helpers shared by the XML writers: page size and unions of word boxes.
#pragma once

#include "scanfix/core/page.hpp"

namespace scanfix::emit_detail {

inline cv::Size page_size(const Page& page) {
    if (!page.binary.empty()) return page.binary.size();
    if (!page.gray.empty()) return page.gray.size();
    return page.image.size();
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
