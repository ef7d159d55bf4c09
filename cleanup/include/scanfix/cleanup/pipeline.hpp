// The cleanup pipeline as a whole: plain transcriptions into the page model, and the stages a
// profile lists (cleanup.stages) run in order over a document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

// Builds the line model of a transcription: one Line per text line, words split on white
// space, blank lines start a new paragraph, form feeds start a new page. No geometry.
Document document_from_text(const std::string& text, const std::string& source);

// A window of a long transcription: consecutive pages (Page::index counts from the start of
// the whole text), the first of them perhaps the rest of the last page of the window before.
struct TextWindow {
    Document doc;
    bool continues_last_page = false;
    int first_line = 0;  // lines of doc.front()'s page in earlier windows
};

// The line model of a transcription a window at a time, so that memory stays a small multiple
// of the text however long it is: whole pages while they fit in `max_lines` lines and
// `max_words` words, a page longer than that in pieces cut at a paragraph break near the
// budget (a line of more words than the budget, in pieces too). Windows hold the same lines,
// paragraphs and pages as document_from_text gives at once; stages see one window at a time.
// `text` must outlive the TextWindows.
class TextWindows {
  public:
    static constexpr size_t kLines = 20000, kWords = 200000;
    TextWindows(const std::string& text, std::string source, size_t max_lines = kLines,
                size_t max_words = kWords);
    // The next window; false after the last (an empty text is one window of one empty page).
    bool next(TextWindow& window);

  private:
    const std::string& text_;
    std::string source_;
    size_t max_lines_, max_words_;
    size_t at_ = 0, windows_ = 0;
    int page_ = 0, paragraph_ = 0, page_lines_ = 0;
    bool blank_seen_ = false, after_page_break_ = false;
};

class CleanupStage;

// The cleanup stages a profile names (cleanup.stages), each built once with its parameters,
// lexicon, transliterators and tables; run() is const and may be called from many threads.
class Cleanup {
  public:
    // Throws ConfigError for an unknown stage name, an unknown cleanup key or a bad parameter.
    Cleanup(const Profile& profile, const Context& ctx);
    ~Cleanup();
    Cleanup(Cleanup&&) noexcept;
    // Runs the stages in order over the document, then rejoins text across removed lines.
    // Says per stage on ctx.log how long it took.
    void run(Document& doc, const Context& ctx) const;

  private:
    std::vector<std::unique_ptr<CleanupStage>> stages_;
};

// Cleanup(*ctx.profile, ctx).run(doc, ctx), for one-off use.
// Throws ConfigError for an unknown stage name or a bad parameter.
void run_cleanup(Document& doc, const Context& ctx);

// All cleanup parameters with their defaults (for --print-params and tune).
std::vector<ParamSpec> cleanup_param_specs();

}  // namespace scanfix
