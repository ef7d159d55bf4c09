// The preprocessing runner: the profile's steps in order over one page, with each step's notes,
// time and debug images recorded here rather than in the steps (see preprocess.hpp);
// docs/preprocessing.md explains the steps.
#include "scanfix/ocr/preprocess.hpp"

#include <fmt/core.h>

#include <chrono>
#include <set>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/debug_images.hpp"

namespace scanfix {
namespace {

const char* const kStepsKey = "preprocess.steps";

std::string known_step_names() {
    std::string names;
    for (const auto& s : preprocess_steps()) names += (names.empty() ? "" : ", ") + s.name;
    return names;
}

// What one step said, for -v: its notes since `first`, joined.
std::string notes_since(const Page& page, size_t first) {
    std::string out;
    for (size_t i = first; i < page.log.size(); ++i) {
        const LogEntry& e = page.log[i];
        if (e.box.area() > 0) continue;  // one line per region would drown the summary
        out += (out.empty() ? ": " : "; ") + e.reason;
    }
    return out;
}

}  // namespace

Preprocessor::Preprocessor(const Profile& profile) {
    const ProfileEntry* list = profile.find(kStepsKey);
    names_ = list ? list->values : default_preprocess_steps();
    auto fail = [&](const std::string& why) -> ConfigError {
        return list ? ConfigError(list->file, list->line, why) : ConfigError("", 0, why);
    };
    std::set<std::string> have = {"color"};
    for (const std::string& name : names_) {
        const PreprocessStepInfo* info = find_preprocess_step(name);
        if (!info)
            throw fail("unknown preprocessing step '" + name + "' (known: " + known_step_names() +
                       ")");
        for (const std::string& need : info->needs)
            if (!have.count(need))
                throw fail(
                    "preprocessing step '" + name + "' needs " +
                    (need == "color"    ? std::string("the colour page: list it before deskew")
                     : need == "type"   ? std::string("the type size: list type_size before it")
                     : need == "binary" ? std::string("a binary page: list binarize before it")
                                        : "'" + need + "' before it"));
        for (const std::string& gone : info->ends) have.erase(gone);
        for (const std::string& given : info->gives) have.insert(given);
        steps_.push_back(info->make(profile));
    }
}

void Preprocessor::run(Page& page, const Context& ctx) const {
    DebugImages debug(ctx.debug_dir, page);
    page.regions.clear();
    page.skew_degrees = 0;
    page.timings.clear();
    if (page.source_size.area() == 0) page.source_size = page.image.size();
    PreprocessState s(page);
    s.debugging = debug.enabled();
    debug.save("gray", s.gray);
    auto finish_step = [&](const std::string& name, std::chrono::steady_clock::time_point t0,
                           size_t first_note) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        page.timings.push_back({"preprocess." + name, seconds});
        for (const auto& shown : s.shown) debug.save(shown.name, shown.image);
        s.shown.clear();
        ctx.info(fmt::format("{}: {} {:.0f} ms{}", page.label(), name, seconds * 1000,
                             notes_since(page, first_note)));
    };
    for (size_t i = 0; i < steps_.size(); ++i) {
        if (!steps_[i]) continue;
        s.step = names_[i];
        const size_t first_note = page.log.size();
        const auto t0 = std::chrono::steady_clock::now();
        steps_[i](s);
        finish_step(names_[i], t0, first_note);
    }
    s.step = "marks";
    const size_t first_note = page.log.size();
    const auto t0 = std::chrono::steady_clock::now();
    s.apply_marks();
    finish_step("marks", t0, first_note);
    page.gray = s.gray;
    page.binary = s.binary;
    page.to_source = s.to_source;
    page.character_height = s.character_height;
    debug.save_overlay(s.gray, page, s.removed);
}

void preprocess_page(Page& page, const Context& ctx) {
    static const Profile kNoProfile;
    Preprocessor(ctx.profile ? *ctx.profile : kNoProfile).run(page, ctx);
}

std::vector<ParamSpec> preprocess_param_specs() {
    std::vector<ParamSpec> all;
    all.push_back({kStepsKey, ParamType::List, "", 0, 0, default_preprocess_steps(),
                   "preprocessing steps to run, in order (docs/preprocessing.md)", false});
    std::set<std::string> seen;
    for (const auto& step : preprocess_steps())
        for (ParamSpec& spec : step.params())
            if (seen.insert(spec.name).second) all.push_back(std::move(spec));
    return all;
}

}  // namespace scanfix
