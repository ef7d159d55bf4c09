// TRANSITION: stand-ins for the correction sources (lexicon, correction stages) so the filter
// tests link before those sources are merged. Removed when the correction branch lands.
#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/stage.hpp"

namespace scanfix {
std::shared_ptr<const Lexicon> lexicon_for(const Profile&, const Context&) {
    return nullptr;
}
std::vector<ParamSpec> lexicon_param_specs() {
    return {};
}
std::vector<CleanupStageInfo> correction_stage_infos() {
    return {};
}
}  // namespace scanfix
