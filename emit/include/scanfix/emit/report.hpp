// The cleanup report: every removal, replacement and join the stages logged on a document's
// pages, as JSON for `--report FILE`, so that nothing is lost silently.
#pragma once

#include <map>
#include <string>

#include "scanfix/core/page.hpp"

namespace scanfix {

// {"removed": n, "replaced": n, "joined": n, "entries": [{"page", "source", "line", "word",
//  "stage", "action", "reason", "before", "after", "box"?}, ...]}. Page, line and word count
// from 1 (lines of the page's line model: for transcriptions, the non-blank lines of a page);
// "word" is null for a whole line; "box" ([x, y, w, h]) only on OCR pages.
std::string cleanup_report_json(const Document& doc);

// The same report written a window of pages at a time (a long transcription cleaned in
// pieces, see TextRenderer): the text of add() for each window in order, then finish().
class CleanupReportWriter {
  public:
    // With `continues_last_page`, the first page of `doc` is the rest of the last page added,
    // and `first_line` lines of that page came before it.
    std::string add(const Document& doc, bool continues_last_page = false, int first_line = 0);
    std::string finish();

  private:
    size_t pages_ = 0, entries_ = 0;
    std::map<std::string, int> counts_{{"removed", 0}, {"replaced", 0}, {"joined", 0}};
};

}  // namespace scanfix
