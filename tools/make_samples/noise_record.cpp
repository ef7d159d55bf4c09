// JSON form of the noise record; see noise_record.hpp.
#include "noise_record.hpp"

#include <nlohmann/json.hpp>

namespace scanfix::samples {
namespace {

nlohmann::json box_json(const cv::Rect& r) {
    return {{"x", r.x}, {"y", r.y}, {"w", r.width}, {"h", r.height}};
}

cv::Rect box_from(const nlohmann::json& j) {
    return {j.at("x").get<int>(), j.at("y").get<int>(), j.at("w").get<int>(), j.at("h").get<int>()};
}

nlohmann::json item_json(const NoiseItem& item) {
    nlohmann::json j = {{"kind", item.kind}, {"box", box_json(item.box)}};
    if (!item.text.empty()) j["text"] = item.text;
    if (!item.colour.empty()) j["colour"] = item.colour;
    if (item.kind == "skew") j["angle"] = item.value;
    if (item.kind == "blur") j["sigma"] = item.value;
    if (!item.parts.empty()) {
        nlohmann::json parts = nlohmann::json::array();
        for (const NoisePart& p : item.parts)
            parts.push_back({{"text", p.text}, {"box", box_json(p.box)}});
        j["pairs"] = parts;
    }
    return j;
}

}  // namespace

nlohmann::json to_json(const std::vector<NoiseItem>& items) {
    nlohmann::json j = nlohmann::json::array();
    for (const NoiseItem& item : items) j.push_back(item_json(item));
    return j;
}

std::vector<NoiseItem> noise_from_json(const nlohmann::json& j) {
    std::vector<NoiseItem> items;
    for (const nlohmann::json& e : j) {
        NoiseItem item;
        item.kind = e.at("kind").get<std::string>();
        item.box = box_from(e.at("box"));
        item.text = e.value("text", "");
        item.colour = e.value("colour", "");
        item.value = e.value("angle", e.value("sigma", 0.0));
        if (e.contains("pairs"))
            for (const nlohmann::json& p : e.at("pairs"))
                item.parts.push_back({p.at("text").get<std::string>(), box_from(p.at("box"))});
        items.push_back(std::move(item));
    }
    return items;
}

std::string noise_json_text(const std::vector<NoiseItem>& items) {
    std::string out = "[\n";
    for (size_t i = 0; i < items.size(); ++i) {
        out += "  " + item_json(items[i]).dump();
        out += i + 1 < items.size() ? ",\n" : "\n";
    }
    return out + "]\n";
}

}  // namespace scanfix::samples
