// The cleanup stage interface and the registry of named stages a profile composes.
// A cleanup stage sees the whole document (consecutive pages in order), so page-spanning
// decisions such as a word hyphenated across a page break fit the same interface.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

class CleanupStage {
  public:
    virtual ~CleanupStage() = default;
    virtual std::string name() const = 0;
    virtual void run(Document& doc, const Context& ctx) const = 0;
};

// The one kind of stage there is: a named function over the document. Filters run theirs page
// by page (page_stage), corrections over the whole document.
class DocumentStage : public CleanupStage {
  public:
    using Fn = std::function<void(Document&, const Context&)>;
    DocumentStage(std::string name, Fn fn) : name_(std::move(name)), fn_(std::move(fn)) {}
    std::string name() const override { return name_; }
    void run(Document& doc, const Context& ctx) const override { fn_(doc, ctx); }

  private:
    std::string name_;
    Fn fn_;
};

// A stage that runs one page function over every page of the document.
inline std::unique_ptr<CleanupStage> page_stage(std::string name, std::function<void(Page&)> fn) {
    return std::make_unique<DocumentStage>(std::move(name),
                                           [fn = std::move(fn)](Document& doc, const Context&) {
                                               for (Page& page : doc) fn(page);
                                           });
}

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
