// The reviewer's work on one page file: a verdict for each word that differs from the OCR
// output (its corrected text, whether it is kept, whether it was checked), whether the page is
// reviewed, and the log of every decision in the order it was made. Saved as <stem>.review.json
// (review_save.hpp) and read back when the page is opened again.
#pragma once

#include <string>
#include <vector>

#include "scanfix/review/ocr_pages.hpp"

namespace scanfix::review {

// A word's place in a page file: page, line and word, counted from 0.
struct WordRef {
    int page = 0, line = 0, word = 0;
    bool operator<(const WordRef& o) const;
    bool operator==(const WordRef& o) const;
};

struct WordVerdict {
    WordRef at;
    std::string text;      // the word as the reviewer left it; empty = no word there
    bool kept = true;      // false: left out of the corrected text as noise
    bool checked = false;  // looked at and accepted
};

// One human decision. `before` and `after` are the word's text (or, for noise, the removed
// text); `note` says what the decision answered (the removal's or the replacement's reason).
struct Decision {
    std::string time;                     // ISO 8601 UTC, e.g. 2024-05-01T10:22:03Z
    std::string action;                   // one of kDecisionActions
    int page = -1, line = -1, word = -1;  // counted from 0; -1 where it does not apply
    std::string before, after, note;
};

// corrected: new text typed; accepted: a doubtful word confirmed as read; restored: removed
// noise put back; removed: a word or line left out; reverted: a cleanup replacement undone;
// reviewed / unreviewed: the page's mark.
extern const char* const kDecisionActions[7];

struct ReviewState {
    bool reviewed = false;
    std::string saved;                // when it was last saved (ISO 8601 UTC)
    std::vector<WordVerdict> words;   // one per word at most (parse_review_state sorts them)
    std::vector<Decision> decisions;  // in the order made

    // The verdict on the word at `at`, or nullptr when the reviewer left it as scanfix read it.
    const WordVerdict* verdict(const WordRef& at) const;
};

// The final text and kept flag of a word: the reviewer's verdict, else the OCR output.
std::string final_text(const ReviewState* state, const WordRef& at, const OcrWord& word);
bool final_kept(const ReviewState* state, const WordRef& at, const OcrLine& line,
                const OcrWord& word);

// Limits of what a browser may send in one save (review_server.hpp bounds the request too).
constexpr size_t kMaxWordBytes = 1000;
constexpr size_t kMaxDecisionsPerSave = 20000;

// Reads a state from JSON (a saved <stem>.review.json or a save request's body) and checks it
// against the pages: every place must name a word of them, texts must be UTF-8 words without
// line breaks or control characters, actions known. Word texts are put in NFC. Throws
// InputError naming `name` and the key that is wrong.
ReviewState parse_review_state(const std::string& json, const std::string& name,
                               const std::vector<OcrPage>& pages);

// The state as JSON, as <stem>.review.json holds it; `stem` and `ocr_file` say what was
// reviewed.
std::string review_state_json(const ReviewState& state, const std::string& stem,
                              const std::string& ocr_file);

// The current time as ISO 8601 UTC, as decisions and saves are stamped.
std::string utc_now();

}  // namespace scanfix::review
