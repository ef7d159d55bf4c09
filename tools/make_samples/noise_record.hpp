// The record of every piece of archival noise the generator put on a page, written next to
// the image as <stem>.noise.json so tests and benchmarks know what a filter should remove.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace scanfix::samples {

// One marked thing inside a noise item, e.g. one letter pair of a margin column.
struct NoisePart {
    std::string text;
    cv::Rect box;
};

struct NoiseItem {
    std::string kind;    // speckle, blur, skew, uneven_paper, scanner_border, punch_hole, stamp,
                         // turned_stamp, page_number, registration_number, margin_column
    cv::Rect box;        // page pixels of the final image
    std::string text;    // what is written, when anything is
    std::string colour;  // ink colour name (stamp, page_number)
    double value = 0;    // skew angle in degrees, blur sigma; 0 when not used
    std::vector<NoisePart> parts;
};

// The items as a JSON array; one object per item with only the fields that apply.
nlohmann::json to_json(const std::vector<NoiseItem>& items);
// Reads what to_json wrote (for tests and tools that check a page).
std::vector<NoiseItem> noise_from_json(const nlohmann::json& j);
// The array with one item per line: small diffs and still valid JSON.
std::string noise_json_text(const std::vector<NoiseItem>& items);

}  // namespace scanfix::samples
