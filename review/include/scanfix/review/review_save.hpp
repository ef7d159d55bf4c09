// Saving a reviewed page file beside the OCR outputs, never over them: the corrected text
// (<stem>.gt.txt, diplomatic layout, pages separated by form feeds), an ALTO file with the
// corrected strings (<stem>.gt.alto.xml) and the decision log (<stem>.review.json). Each file is
// written atomically (core/output_file.hpp); the log is written last, so a page that opens
// with its saved state has its text and ALTO written too.
#pragma once

#include <string>
#include <vector>

#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_state.hpp"

namespace scanfix::review {

// The saved state of a page file: its <stem>.review.json read and checked against the pages,
// or an empty state when there is none. Throws InputError for a log that cannot be read or does
// not fit the pages (e.g. the OCR was run again since).
ReviewState load_review_state(const ReviewFolder& folder, const PageFiles& files,
                              const std::vector<OcrPage>& pages, bool* exists = nullptr);

// Saves `update` (the words and mark as the reviewer leaves them, and the decisions made since
// the last save) on top of `previous`: the decision log grows, the words are replaced. Decisions
// without a time are stamped now. Returns the state as saved. Throws InputError naming the file
// that cannot be written.
ReviewState save_review(const PageFiles& files, const std::vector<OcrPage>& pages,
                        const ReviewState& previous, ReviewState update);

}  // namespace scanfix::review
