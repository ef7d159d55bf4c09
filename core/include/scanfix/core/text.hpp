// Text input and Unicode helpers shared by cleanup and eval: reading transcriptions safely
// (UTF-8 validated, BOM and CRLF handled) and the few ICU services every module needs.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace scanfix {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Byte offset of the first malformed UTF-8 sequence, or npos.
size_t first_invalid_utf8(std::string_view s);

// The largest transcription, reference or hypothesis scanfix reads (128 MB): a bigger input is
// refused before or while it is read, never read whole first.
constexpr size_t kMaxTextBytes = size_t(128) << 20;

// Reads a whole text file as UTF-8: drops a BOM, turns CRLF and CR into LF, applies NFC.
// `encoding` other than "utf-8" is converted with ICU (e.g. "cp1251", "koi8-r").
// Throws InputError naming the file for a missing file, malformed text or a file larger than
// `limit` bytes (UTF-8 input stops at its first NUL byte).
std::string read_text_file(const std::string& path, const std::string& encoding = "utf-8",
                           size_t limit = kMaxTextBytes);

// The same for a stream (standard input); `origin` names it in errors.
std::string read_text_stream(std::istream& in, const std::string& origin,
                             const std::string& encoding = "utf-8", size_t limit = kMaxTextBytes);

// Same as read_text_file for text already in memory; `origin` names it in errors.
std::string decode_text(std::string bytes, const std::string& origin,
                        const std::string& encoding = "utf-8");

// Unicode normalisation form C.
std::string to_nfc(const std::string& s);
// Full Unicode lower and upper case (root locale).
std::string to_lower(const std::string& s);
std::string to_upper(const std::string& s);

// A file name as text for XML and reports: bytes that are not UTF-8 (a name from a Windows
// share in cp1251, say) and control characters become %XX, as in a URI; the rest is kept.
std::string printable_file_name(std::string_view name);

// Number of code points.
size_t utf8_length(std::string_view s);

// UTF-8 -> UTF-32 (one element per code point) and back, the one conversion every module uses
// (ICU's UTF-8 macros). A malformed UTF-8 sequence reads as U+FFFD; a value that is not a
// Unicode scalar value (a surrogate, above U+10FFFF) is written as U+FFFD.
std::u32string utf32_of(std::string_view utf8);
std::string utf8_of(std::u32string_view utf32);
std::string utf8_of(char32_t code_point);

}  // namespace scanfix
