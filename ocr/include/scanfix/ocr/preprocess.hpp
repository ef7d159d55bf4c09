// The preprocessing stage as a whole: from the loaded page image (Page::image) to the working
// grey and binary images, the skew angle, the map back to the source image and the page
// regions (text column, margins, stamps). The steps are registry entries (preprocess_steps.hpp)
// in their own files beside this one; this is the runner that puts them in order.
#pragma once

#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"

namespace scanfix {

// The steps a profile lists under preprocess.steps (every known step in the default order
// when it lists none), each built once with its parameters. Thread-safe: run() keeps all its
// state on the page.
class Preprocessor {
  public:
    // Throws ConfigError for an unknown step, a bad parameter, or a step listed before one it
    // needs (binarize before type_size, say).
    explicit Preprocessor(const Profile& profile);
    // Fills page.gray, page.binary (text 0 on 255), page.skew_degrees, page.to_source,
    // page.regions (boxes on page.gray) and a timing per step. With ctx.debug_dir set, writes
    // each step's images and an overlay as PNG there; with ctx.log, says per step what it found.
    void run(Page& page, const Context& ctx) const;
    const std::vector<std::string>& step_names() const { return names_; }

  private:
    std::vector<std::string> names_;
    std::vector<PreprocessStepFn> steps_;  // empty function: the step is switched off
};

// Preprocessor(*ctx.profile).run(page, ctx), for one-off use; a pipeline builds its
// Preprocessor once.
void preprocess_page(Page& page, const Context& ctx);

// All preprocessing parameters with their defaults, preprocess.steps included.
std::vector<ParamSpec> preprocess_param_specs();

}  // namespace scanfix
