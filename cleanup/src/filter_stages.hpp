// Glue between the noise filters' free functions and the stage registry: the parameter prefix
// and the stage descriptions each filter file provides (collected in filters.cpp).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/stage.hpp"

namespace scanfix::filters {

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
CleanupStageInfo garbage_lines_stage();

}  // namespace scanfix::filters
