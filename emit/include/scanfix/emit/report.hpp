// The cleanup report: every removal, replacement and join the stages logged on a document's
// pages, as JSON for `--report FILE`, so that nothing is lost silently.
#pragma once

#include <string>

#include "scanfix/core/page.hpp"

namespace scanfix {

// {"removed": n, "replaced": n, "joined": n, "entries": [{"page", "source", "line", "word",
//  "stage", "action", "reason", "before", "after", "box"?}, ...]}. Page, line and word count
// from 1 (lines of the page's line model: for transcriptions, the non-blank lines of a page);
// "word" is null for a whole line; "box" ([x, y, w, h]) only on OCR pages.
std::string cleanup_report_json(const Document& doc);

}  // namespace scanfix
