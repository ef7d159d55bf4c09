// Page numbers, registration marks and margin letter columns; see marginalia.hpp.
#include "marginalia.hpp"

#include <algorithm>

#include "ink.hpp"
#include "pen.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::samples {

std::vector<std::string> letter_pairs(int count, Rng& rng) {
    // Weighted towards the letters the cipher clerks' columns show most.
    static const std::u32string first = U"вэиглмотнбдпрсжзкх";
    static const std::u32string second = U"дившгжпрмоатнелк";
    std::vector<std::string> pairs;
    for (int i = 0; i < count; ++i) {
        std::u32string g(
            1, first[static_cast<size_t>(rng.between(0, static_cast<int>(first.size()) - 1))]);
        if (!rng.chance(0.06))
            g += second[static_cast<size_t>(rng.between(0, static_cast<int>(second.size()) - 1))];
        pairs.push_back(utf8_of(g));
    }
    return pairs;
}

NoiseItem margin_column(cv::Mat& type_ink, Typewriter& typewriter,
                        const std::vector<int>& baselines, int x, Rng& rng) {
    NoiseItem item;
    item.kind = "margin_column";
    std::vector<std::string> groups = letter_pairs(static_cast<int>(baselines.size()), rng);
    for (size_t i = 0; i < baselines.size(); ++i) {
        int dx = rng.between(-2, 2);  // typed in a second pass: the column is not quite straight
        cv::Rect box = typewriter.type(type_ink, groups[i], cv::Point(x + dx, baselines[i]), rng);
        if (box.area() <= 0) continue;
        item.parts.push_back({groups[i], box});
        item.box = item.box.area() > 0 ? (item.box | box) : box;
    }
    return item;
}

NoiseItem page_number(cv::Mat& pen_ink, Typeface& pen, int number, cv::Point centre, Rng& rng) {
    NoiseItem item;
    item.kind = "page_number";
    item.text = std::to_string(number) + ".";
    cv::Mat mark = pen_write(pen, item.text, rng);
    cv::Point tl = centre - cv::Point(mark.cols / 2, mark.rows / 2);
    item.box = place_mask(pen_ink, mark, tl);
    return item;
}

std::vector<NoiseItem> registration_marks(cv::Mat& type_ink, cv::Mat& pen_ink,
                                          Typewriter& typewriter, Typeface& pen, cv::Rect area,
                                          Rng& rng) {
    std::vector<NoiseItem> items;
    int y = area.y;
    const int x = area.x + rng.between(0, std::max(0, area.width / 6));
    if (rng.chance(0.6)) {
        NoiseItem item;
        item.kind = "registration_number";
        item.text = std::to_string(rng.between(11, 99)) + " " + std::to_string(rng.between(1, 9)) +
                    "/" + std::to_string(rng.between(10, 99));
        cv::Mat mark = pen_write(pen, item.text, rng);
        item.box = place_mask(pen_ink, mark, cv::Point(x, y));
        y += mark.rows + pen.pixel_size() / 4;
        if (item.box.area() > 0) items.push_back(item);
    }
    NoiseItem typed;
    typed.kind = "registration_number";
    typed.text = rng.chance(0.7) ? "Экз. №....." : "Экз. № " + std::to_string(rng.between(1, 5));
    Typeface& face = typewriter.face();
    typed.box = typewriter.type(type_ink, typed.text, cv::Point(x, y + face.cap_height()), rng);
    if (typed.box.area() > 0) items.push_back(typed);
    return items;
}

}  // namespace scanfix::samples
