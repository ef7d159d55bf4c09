// The list of all cleanup stages: explicit, so that no stage is lost to static-library linking.
#include "scanfix/cleanup/stage.hpp"

namespace scanfix {

const std::vector<CleanupStageInfo>& cleanup_stages() {
    static const std::vector<CleanupStageInfo> all = [] {
        std::vector<CleanupStageInfo> v = filter_stage_infos();
        for (auto& info : correction_stage_infos()) v.push_back(std::move(info));
        return v;
    }();
    return all;
}

const CleanupStageInfo* find_cleanup_stage(const std::string& name) {
    for (const auto& info : cleanup_stages())
        if (info.name == name) return &info;
    return nullptr;
}

}  // namespace scanfix
