// The plain-text and JSON renderings of an EvalReport (batch.hpp): what `scanfix eval` prints.
// The HTML report is in report_html.hpp.
#pragma once

#include <string>

#include "scanfix/eval/batch.hpp"

namespace scanfix::eval {

struct ReportOptions {
    size_t top = 20;  // rows of the confusion and wrong-word lists
};

// A table per page and in total (CER, WER, substitutions, deletions, insertions, reference
// length), missing partners and failures, the normalisations applied, the most frequent
// confusions and wrong words, and error sources when the hypothesis had ⟦removed⟧ marks.
std::string render_text_report(const EvalReport& report, const ReportOptions& options = {});

// One JSON object: "cer" and "wer" (fractions), "characters" and "words" counts, "pages" (one
// entry per pair), "missing_hypotheses", "missing_references", "failures", "normalizations",
// "confusions", "wrong_words", and "attribution" when available. See docs/eval.md.
std::string render_json_report(const EvalReport& report, const ReportOptions& options = {});

// "12.34%" for 0.1234.
std::string format_percent(double fraction);

}  // namespace scanfix::eval
