// JSON payloads of the review API; see api_json.hpp.
#include "api_json.hpp"

#include <filesystem>

#include "verdicts_json.hpp"

namespace scanfix::review::api {

using nlohmann::json;

namespace {

json box_json(const cv::Rect& r) {
    if (r.area() <= 0) return nullptr;
    return json::array({r.x, r.y, r.width, r.height});
}

json word_json(const OcrLine& line, const OcrWord& w, double flag_below) {
    json j = {{"text", w.text}, {"box", box_json(w.box)}};
    if (w.confidence >= 0) j["confidence"] = w.confidence;
    if (w.replaced()) {
        j["read"] = w.read;
        j["changed_by"] = w.changed_by;
    }
    if (w.removed) j["removal"] = w.removal.empty() ? "removed" : w.removal;
    if (is_doubtful(line, w, flag_below)) j["doubtful"] = true;
    return j;
}

}  // namespace

json summary_json(const PageSummary& row) {
    json j = {{"stem", row.stem},
              {"page", row.page + 1},
              {"pages", row.pages},
              {"quality", row.quality},
              {"quality_estimated", row.quality_estimated},
              {"words", row.words},
              {"doubtful", row.doubtful},
              {"removed", row.removed},
              {"replaced", row.replaced},
              {"corrections", row.corrections},
              {"reviewed", row.reviewed},
              {"saved", row.saved.empty() ? json() : json(row.saved)},
              {"cer", row.cer ? json(*row.cer) : json()}};
    if (!row.error.empty()) j["error"] = row.error;
    return j;
}

json state_json(const ReviewState& state) {
    return {{"reviewed", state.reviewed},
            {"saved", state.saved.empty() ? json() : json(state.saved)},
            {"words", verdicts_json(state.words)},
            {"decisions", state.decisions.size()}};
}

json page_view_json(const PageFiles& files, const std::vector<OcrPage>& pages,
                    const ReviewState& state, bool has_state, const std::string& state_error,
                    double flag_below) {
    json jpages = json::array();
    for (const OcrPage& page : pages) {
        json lines = json::array();
        for (const OcrLine& line : page.lines) {
            json words = json::array();
            for (const OcrWord& w : line.words) words.push_back(word_json(line, w, flag_below));
            json jl = {{"box", box_json(line.box)},
                       {"paragraph", line.paragraph},
                       {"words", std::move(words)}};
            if (line.removed) jl["removal"] = line.removal.empty() ? "removed" : line.removal;
            lines.push_back(std::move(jl));
        }
        jpages.push_back({{"source", page.source},
                          {"index", page.index},
                          {"width", page.width},
                          {"height", page.height},
                          {"has_scan", !page.from_text},
                          {"lines", std::move(lines)}});
    }
    json summaries = json::array();
    for (const PageSummary& row :
         summarize_pages(files.stem, pages, has_state ? &state : nullptr, flag_below))
        summaries.push_back(summary_json(row));
    namespace fs = std::filesystem;
    json j = {{"stem", files.stem},
              {"flag_below", flag_below},
              {"files",
               {{"ocr", fs::path(files.json).filename().string()},
                {"reference", fs::path(files.reference).filename().string()},
                {"alto", fs::path(files.alto).filename().string()},
                {"decisions", fs::path(files.decisions).filename().string()}}},
              {"pages", std::move(jpages)},
              {"summaries", std::move(summaries)},
              {"state", has_state ? state_json(state) : json()}};
    if (!state_error.empty()) j["state_error"] = state_error;
    return j;
}

}  // namespace scanfix::review::api
