// The preprocessing stage as a whole: from the loaded page image (Page::image) to the working
// grey and binary images, the skew angle and the page regions (text column, margins, stamps).
// The individual steps live in their own files beside this one.
#pragma once

#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/stage.hpp"

namespace scanfix {

// Runs the preprocessing steps with parameters from ctx.profile ("preprocess.<step>.<param>").
// Fills page.gray, page.binary (text 0 on 255), page.skew_degrees and page.regions; all boxes
// are in the coordinates of page.gray/page.binary. With ctx.debug_dir set, writes each
// intermediate image and an overlay as PNG there.
void preprocess_page(Page& page, const Context& ctx);

// All preprocessing parameters with their defaults.
std::vector<ParamSpec> preprocess_param_specs();

}  // namespace scanfix
