// The reviewer's word verdicts as the JSON list both the decision log and the page view carry
// (places counted from 1). Defined in review_state.cpp.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "scanfix/review/review_state.hpp"

namespace scanfix::review {

nlohmann::json verdicts_json(const std::vector<WordVerdict>& verdicts);

}  // namespace scanfix::review
