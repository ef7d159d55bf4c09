// The per-page state the preprocessing steps share, and the step registry (see
// preprocess_steps.hpp).
#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/faint_specks.hpp"
#include "scanfix/ocr/illumination.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"

namespace scanfix {

PreprocessState::PreprocessState(Page& p) : page(p), color(p.image), gray(to_gray(p.image)) {
    dpi = page.dpi > 0 ? page.dpi : 300;
}

const InkComponents& PreprocessState::ink() {
    if (!ink_) {
        CV_Assert(!binary.empty());
        ink_ = std::make_unique<InkComponents>(label_ink(binary));
        edge.assign(ink_->count, 0);
        drop.assign(ink_->count, 0);
        from_gray.assign(ink_->count, 0);
    }
    return *ink_;
}

void PreprocessState::take(const std::vector<uint8_t>& found, bool grey_too) {
    const InkComponents& c = ink();
    for (int i = 1; i < c.count && i < int(found.size()); ++i) {
        if (!found[i] || edge[i]) continue;
        if (!drop[i]) removed.push_back(c.box(i));
        drop[i] = 1;
        if (grey_too) from_gray[i] = 1;
    }
}

void PreprocessState::binary_changing() {
    apply_marks();
}

void PreprocessState::apply_marks() {
    if (!ink_) return;
    const InkComponents& c = *ink_;
    const bool any_drop = std::any_of(drop.begin(), drop.end(), [](uint8_t d) { return d; });
    if (any_drop) {
        binary.setTo(255, component_mask(c, drop));
        // The grey page loses the page edges with their anti-aliased rim, and the marks judged
        // to be no text at all (pale specks, dust) with theirs. Other specks stay on it: on
        // faint, broken type they are pieces of letters, which the recognizer reads better
        // whole.
        erase_from_gray(gray, binary, c, from_gray, std::max(1, character_height / 8));
        cv::Mat edges = component_mask(c, edge);
        cv::dilate(edges, edges, cv::Mat());
        gray.setTo(255, edges);
        show("despeckled", binary);
    }
    ink_.reset();
    edge.clear();
    drop.clear();
    from_gray.clear();
}

void PreprocessState::add_region(RegionKind kind, const cv::Rect& box, const std::string& what,
                                 const char* action) {
    page.regions.push_back({kind, box, what});
    note(action, what, box);
}

void PreprocessState::note(const std::string& action, const std::string& reason,
                           const cv::Rect& box) {
    LogEntry e;
    e.stage = step;
    e.action = action;
    e.reason = reason;
    e.box = box;
    page.note(std::move(e));
}

void PreprocessState::show(const std::string& name, const cv::Mat& image) {
    if (debugging && !image.empty()) shown.push_back({name, image.clone()});
}

const std::vector<PreprocessStepInfo>& preprocess_steps() {
    static const std::vector<PreprocessStepInfo> all = [] {
        std::vector<PreprocessStepInfo> v;
        for (auto* group : {&page_frame_steps, &type_steps, &mark_steps, &layout_steps})
            for (PreprocessStepInfo& info : (*group)()) v.push_back(std::move(info));
        return v;
    }();
    return all;
}

const PreprocessStepInfo* find_preprocess_step(const std::string& name) {
    for (const auto& info : preprocess_steps())
        if (info.name == name) return &info;
    return nullptr;
}

std::vector<std::string> default_preprocess_steps() {
    std::vector<std::string> names;
    for (const auto& info : preprocess_steps()) names.push_back(info.name);
    return names;
}

}  // namespace scanfix
