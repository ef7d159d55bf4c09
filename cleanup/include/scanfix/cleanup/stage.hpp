// The cleanup stage interface and the registry of named stages a profile composes.
// A cleanup stage sees the whole document (consecutive pages in order), so page-spanning
// decisions such as a word hyphenated across a page break fit the same interface.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/stage.hpp"

namespace scanfix {

class CleanupStage {
  public:
    virtual ~CleanupStage() = default;
    virtual std::string name() const = 0;
    virtual void run(Document& doc, const Context& ctx) const = 0;
};

struct CleanupStageInfo {
    std::string name;  // as written in profiles: cleanup.stages: [speckle, page_number, ...]
    std::string help;  // one line for --print-params and docs
    // Builds the stage with its parameters read from the profile under "cleanup.<name>".
    std::function<std::unique_ptr<CleanupStage>(const Profile&, const Context&)> make;
    // Its parameters with defaults, for --print-params and tune.
    std::function<std::vector<ParamSpec>()> params;
};

// Every cleanup stage scanfix knows, filters first, then corrections (registry.cpp).
const std::vector<CleanupStageInfo>& cleanup_stages();
// nullptr when no stage has that name.
const CleanupStageInfo* find_cleanup_stage(const std::string& name);

// Defined by the filter sources and the correction sources respectively.
std::vector<CleanupStageInfo> filter_stage_infos();
std::vector<CleanupStageInfo> correction_stage_infos();

}  // namespace scanfix
