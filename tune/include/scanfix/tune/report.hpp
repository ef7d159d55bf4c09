// The report of a tuning run: error rates on the training and held-out pages before and after,
// and each changed parameter with its old and new value, as Markdown or JSON.
#pragma once

#include <string>

#include "scanfix/tune/tuner.hpp"

namespace scanfix::tune {

std::string report_markdown(const TuneResult& result);
std::string report_json(const TuneResult& result);

}  // namespace scanfix::tune
