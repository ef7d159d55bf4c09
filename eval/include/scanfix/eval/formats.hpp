// Reading references and hypotheses: plain text, ALTO XML (v2-v4), PAGE XML and hOCR, told apart
// by their content (not their file name). Each becomes plain text with one line per text line,
// which normalize.hpp and metrics.hpp then compare.
#pragma once

#include <string>

namespace scanfix::eval {

enum class TextFormat { Plain, Alto, PageXml, Hocr };

const char* to_string(TextFormat format);

// The format of a file's content: XML whose root is <alto> is ALTO, <PcGts> PAGE, an HTML
// document with ocr_* classes hOCR; anything else not starting like markup is plain text.
// Throws InputError (naming `origin`) for markup that is none of these or is not well formed.
TextFormat detect_format(const std::string& content, const std::string& origin);

// The text of a document in `format`:
//  - ALTO: the CONTENT of each String of a TextLine joined with spaces (a HYP element appends
//    its hyphen), one line per TextLine, a blank line between TextBlocks;
//  - PAGE: each TextLine's own TextEquiv (else its Words' joined with spaces), regions in the
//    ReadingOrder when there is one, a blank line between regions;
//  - hOCR: the ocrx_word texts of each ocr_line (or similar line class) joined with spaces.
// Throws InputError naming `origin`.
std::string extract_text(const std::string& content, TextFormat format, const std::string& origin);

struct LoadedText {
    std::string text;
    TextFormat format = TextFormat::Plain;
};

// Reads a file (UTF-8 checked by read_text_file, CRLF folded, NFC), detects its format and
// extracts its text. Throws InputError.
LoadedText load_text(const std::string& path);

// The text of a reference file, whatever its format.
std::string load_reference(const std::string& path);

}  // namespace scanfix::eval
