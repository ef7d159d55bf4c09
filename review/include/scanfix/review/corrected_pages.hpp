// A reviewed page file as documents of the page model: as scanfix output it and as the reviewer
// corrected it, so that the corrected text, the corrected ALTO and the error rate of the OCR
// against the correction come from the same writers and metrics as everything else
// (core/layout.hpp, emit/formats.hpp, eval/metrics.hpp).
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/review_state.hpp"

namespace scanfix::review {

// The pages with the reviewer's verdicts applied (with `state` null: as scanfix output them).
// Removed words and lines stay in the model, flagged removed; a word the reviewer corrected or
// checked has confidence 100.
Document corrected_document(const std::vector<OcrPage>& pages, const ReviewState* state);

// The text of page `page` of a document in the diplomatic layout (lines as on the page), as a
// reference for scanfix eval and tune is written.
std::string diplomatic_page_text(const Document& doc, size_t page);

// Character error rate of the OCR output of one page against its corrected text: how much the
// reviewer had to change.
double ocr_error_rate(const Document& ocr, const Document& corrected, size_t page);

}  // namespace scanfix::review
