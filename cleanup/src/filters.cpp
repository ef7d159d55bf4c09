// The registered noise filters, in the order profiles/default.yaml runs them.
#include "filter_stages.hpp"

namespace scanfix {

std::vector<CleanupStageInfo> filter_stage_infos() {
    using namespace filters;
    return {
        speckle_stage(), margin_column_stage(), page_number_stage(),  registration_number_stage(),
        stamp_stage(),   marginalia_stage(),    garbage_lines_stage()};
}

}  // namespace scanfix
