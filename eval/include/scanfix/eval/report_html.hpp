// A self-contained HTML report of an EvalReport (batch.hpp): summary table, confusion table,
// wrong words, error sources, and per page a side-by-side, colour-coded alignment of reference
// and hypothesis. No external assets; opens in any browser. The page's script marks the body
// with data-ok="1" once it has run, and writes any script error into #script-errors.
#pragma once

#include <string>

#include "scanfix/eval/batch.hpp"
#include "scanfix/eval/report_text.hpp"

namespace scanfix::eval {

// Pages need their Comparison (EvalSettings::keep_comparisons) for the alignment view; pages
// without one are listed in the summary only.
std::string render_html_report(const EvalReport& report, const ReportOptions& options = {});

}  // namespace scanfix::eval
