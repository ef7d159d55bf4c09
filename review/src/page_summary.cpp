// Rows of the page list; see page_summary.hpp.
#include "scanfix/review/page_summary.hpp"

#include <algorithm>
#include <tuple>

#include "scanfix/review/corrected_pages.hpp"

namespace scanfix::review {

bool is_doubtful(const OcrLine& line, const OcrWord& word, double flag_below) {
    if (!kept_in_ocr(line, word) || word.text.empty()) return false;
    return word.replaced() || (word.confidence >= 0 && word.confidence < flag_below);
}

int removed_items(const OcrPage& page) {
    int n = 0;
    for (const OcrLine& line : page.lines) {
        if (line.removed) {
            ++n;
            continue;
        }
        for (const OcrWord& w : line.words) n += w.removed ? 1 : 0;
    }
    return n;
}

std::vector<PageSummary> summarize_pages(const std::string& stem, const std::vector<OcrPage>& pages,
                                         const ReviewState* state, double flag_below) {
    std::vector<PageSummary> rows;
    Document ocr, corrected;
    if (state) {
        ocr = corrected_document(pages, nullptr);
        corrected = corrected_document(pages, state);
    }
    for (size_t p = 0; p < pages.size(); ++p) {
        const OcrPage& page = pages[p];
        PageSummary row;
        row.stem = stem;
        row.page = int(p);
        row.pages = int(pages.size());
        row.quality = page.quality_or_confidence();
        row.quality_estimated = page.has_quality_estimate();
        row.removed = removed_items(page);
        for (size_t l = 0; l < page.lines.size(); ++l) {
            const OcrLine& line = page.lines[l];
            for (size_t w = 0; w < line.words.size(); ++w) {
                const OcrWord& word = line.words[w];
                if (kept_in_ocr(line, word) && !word.text.empty()) ++row.words;
                if (is_doubtful(line, word, flag_below)) ++row.doubtful;
                if (word.replaced() && kept_in_ocr(line, word)) ++row.replaced;
                const WordRef at{int(p), int(l), int(w)};
                if (state && (final_text(state, at, word) != word.text ||
                              final_kept(state, at, line, word) != kept_in_ocr(line, word)))
                    ++row.corrections;
            }
        }
        if (state) {
            row.reviewed = state->reviewed;
            row.saved = state->saved;
            row.cer = ocr_error_rate(ocr, corrected, p);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void sort_worst_first(std::vector<PageSummary>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const PageSummary& a, const PageSummary& b) {
        return std::make_tuple(a.error.empty(), a.reviewed, a.quality, a.stem, a.page) <
               std::make_tuple(b.error.empty(), b.reviewed, b.quality, b.stem, b.page);
    });
}

}  // namespace scanfix::review
