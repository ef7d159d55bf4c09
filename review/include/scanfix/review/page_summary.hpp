// One row of the reviewer's page list: the page's quality, how many of its words are doubtful,
// what the cleanup removed and replaced, what the reviewer changed and how much that was (the
// OCR's character error rate against the correction). The list is sorted worst first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scanfix/review/ocr_pages.hpp"
#include "scanfix/review/review_state.hpp"

namespace scanfix::review {

// Which words the reviewer is taken to first: kept words that the recogniser doubted (confidence
// below `flag_below`, 0..100) or that the cleanup changed.
bool is_doubtful(const OcrLine& line, const OcrWord& word, double flag_below);

// Removed items of a page as the reviewer restores them: whole lines, and words removed alone.
int removed_items(const OcrPage& page);

struct PageSummary {
    std::string stem;
    int page = 0;   // within the file, from 0
    int pages = 1;  // in the file
    double quality = 1;
    bool quality_estimated = false;  // the JSON's own estimate, not the mean confidence
    int words = 0, doubtful = 0, removed = 0, replaced = 0;
    int corrections = 0;  // words whose text or kept flag the reviewer changed
    bool reviewed = false;
    std::string saved;          // when the review was last saved; empty when never
    std::optional<double> cer;  // OCR against the correction, once saved
    std::string error;          // why the page cannot be reviewed; the rest is then empty
};

std::vector<PageSummary> summarize_pages(const std::string& stem, const std::vector<OcrPage>& pages,
                                         const ReviewState* state, double flag_below);

// Worst first: pages that could not be read, then by quality, unreviewed before reviewed.
void sort_worst_first(std::vector<PageSummary>& rows);

}  // namespace scanfix::review
