// Text input and Unicode helpers shared by cleanup and eval: reading transcriptions safely
// (UTF-8 validated, BOM and CRLF handled) and the few ICU services every module needs.
#pragma once

#include <string>
#include <string_view>

namespace scanfix {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Byte offset of the first malformed UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view s);

// Reads a whole text file as UTF-8: drops a BOM, turns CRLF and CR into LF, applies NFC.
// `encoding` other than "utf-8" is converted with ICU (e.g. "cp1251", "koi8-r").
// Throws InputError naming the file for a missing file or malformed text.
std::string read_text_file(const std::string& path, const std::string& encoding = "utf-8");

// Same as read_text_file for text already in memory; `origin` names it in errors.
std::string decode_text(std::string bytes, const std::string& origin,
                        const std::string& encoding = "utf-8");

// Unicode normalisation form C.
std::string to_nfc(const std::string& s);
// Full Unicode lower and upper case (root locale).
std::string to_lower(const std::string& s);
std::string to_upper(const std::string& s);

// Number of code points.
size_t utf8_length(std::string_view s);

// UTF-8 -> UTF-32 (one element per code point) and back, the one conversion every module uses
// (ICU's UTF-8 macros). A malformed UTF-8 sequence reads as U+FFFD; a value that is not a
// Unicode scalar value (a surrogate, above U+10FFFF) is written as U+FFFD.
std::u32string utf32_of(std::string_view utf8);
std::string utf8_of(std::u32string_view utf32);
std::string utf8_of(char32_t code_point);

}  // namespace scanfix
