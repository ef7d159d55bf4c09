// Turning a document's kept lines back into text, in the two layouts users ask for:
// reading (paragraphs flowed, split words rejoined) and diplomatic (lines as on the page).
#pragma once

#include <string>

#include "scanfix/core/page.hpp"

namespace scanfix {

enum class Layout { Reading, Diplomatic };

// Throws ConfigError for anything but "reading" or "diplomatic".
Layout parse_layout(const std::string& name);

// The text of consecutive pages. In reading layout a line's LineJoin decides how it meets the
// next kept line, even across a page break; paragraphs are separated by one blank line.
// With `keep_noise`, removed words are kept, wrapped as ⟦word⟧.
std::string render_text(const Document& doc, Layout layout, bool keep_noise = false);

// The same text built a window of pages at a time (a long transcription cleaned in pieces):
// add() the windows in order, take() what is final so far, finish() at the end. The result is
// render_text of all pages at once.
class TextRenderer {
  public:
    TextRenderer(Layout layout, bool keep_noise);
    // With `continues_last_page`, the first page of `doc` is the rest of the last page added.
    void add(const Document& doc, bool continues_last_page = false);
    // The text so far that later pages cannot change.
    std::string take();
    // The rest, with the final line end.
    std::string finish();

  private:
    void add_diplomatic(const Page& page, bool new_page);
    void add_reading(const Page& page, bool new_page);
    Layout layout_;
    bool keep_noise_;
    std::string out_;
    size_t pages_ = 0;
    bool have_text_ = false;
    LineJoin pending_ = LineJoin::Space;
    int last_paragraph_ = -1;
};

// Page `page` of the document as its own output file shows it. In reading layout a word
// hyphenated across the page break is whole at the end of the page where it starts and left
// out at the start of the next; the diplomatic layout keeps the page as typed.
std::string render_page_text(const Document& doc, size_t page, Layout layout,
                             bool keep_noise = false);

}  // namespace scanfix
