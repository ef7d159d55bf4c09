// Glue between the noise filters' free functions and the stage registry: a page-by-page stage
// and the stage descriptions each filter file provides (collected in filters.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/stage.hpp"

namespace scanfix::filters {

// A cleanup stage that runs one page function over every page of the document.
class PageStage : public CleanupStage {
  public:
    PageStage(std::string name, std::function<void(Page&)> fn)
        : name_(std::move(name)), fn_(std::move(fn)) {}
    std::string name() const override { return name_; }
    void run(Document& doc, const Context&) const override {
        for (Page& page : doc) fn_(page);
    }

  private:
    std::string name_;
    std::function<void(Page&)> fn_;
};

// "cleanup.<stage>", where a stage's parameters live in a profile.
inline std::string stage_prefix(const std::string& stage) {
    return "cleanup." + stage;
}

CleanupStageInfo speckle_stage();
CleanupStageInfo margin_column_stage();
CleanupStageInfo page_number_stage();
CleanupStageInfo registration_number_stage();
CleanupStageInfo stamp_stage();
CleanupStageInfo marginalia_stage();

}  // namespace scanfix::filters
