// UTF-8 validation, decoding of transcriptions and ICU normalisation and case mapping.
#include "scanfix/core/text.hpp"

#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "scanfix/core/error.hpp"

namespace scanfix {

size_t first_invalid_utf8(std::string_view s) {
    int32_t i = 0, n = int32_t(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return size_t(start);
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view s) {
    return first_invalid_utf8(s) == std::string_view::npos;
}

std::string printable_file_name(std::string_view name) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    int32_t i = 0, n = int32_t(name.size());
    const auto* p = reinterpret_cast<const uint8_t*>(name.data());
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        // Not UTF-8, or a character XML 1.0 cannot hold (controls) or that hides (C1, DEL).
        const bool escape =
            c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFFFE || c == 0xFFFF;
        for (int32_t k = start; k < i; ++k) {
            if (escape) {
                out += '%';
                out += hex[p[k] >> 4];
                out += hex[p[k] & 0xF];
            } else {
                out += char(p[k]);
            }
        }
    }
    return out;
}

size_t utf8_length(std::string_view s) {
    size_t count = 0;
    for (unsigned char c : s) count += (c & 0xC0) != 0x80;
    return count;
}

std::u32string utf32_of(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = int32_t(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : char32_t(c));
    }
    return out;
}

std::string utf8_of(std::u32string_view s) {
    std::string out;
    out.reserve(s.size() * 2);
    for (char32_t c : s) {
        uint8_t buf[U8_MAX_LENGTH];
        int32_t len = 0;
        UBool error = false;
        U8_APPEND(buf, len, U8_MAX_LENGTH, UChar32(c), error);
        if (error) {
            len = 0;
            U8_APPEND_UNSAFE(buf, len, 0xFFFD);
        }
        out.append(reinterpret_cast<const char*>(buf), size_t(len));
    }
    return out;
}

std::string utf8_of(char32_t c) {
    return utf8_of(std::u32string_view(&c, 1));
}

std::string to_nfc(const std::string& s) {
    // On the UTF-8 bytes themselves: a transcription of 100 MB needs no UTF-16 copy.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    if (nfc->isNormalizedUTF8(s, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    std::string r;
    icu::StringByteSink<std::string> sink(&r, int32_t(s.size()));
    nfc->normalizeUTF8(0, s, sink, nullptr, status);
    return U_FAILURE(status) ? s : r;
}

std::string to_lower(const std::string& s) {
    std::string r;
    icu::UnicodeString::fromUTF8(s).toLower(icu::Locale::getRoot()).toUTF8String(r);
    return r;
}

std::string to_upper(const std::string& s) {
    std::string r;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale::getRoot()).toUTF8String(r);
    return r;
}

namespace {
std::string lower_ascii(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_utf8_name(const std::string& encoding) {
    std::string enc = lower_ascii(encoding);
    return enc == "utf-8" || enc == "utf8";
}

bool starts_utf16(std::string_view b) {
    return b.size() >= 2 &&
           ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'));
}

// NUL is valid UTF-8 but never part of a transcription: the file is binary, or UTF-16/32
// without a byte-order mark.
[[noreturn]] void throw_nul(std::string_view bytes, size_t nul, const std::string& origin) {
    size_t line = 1 + size_t(std::count(bytes.begin(), bytes.begin() + long(nul), '\n'));
    throw InputError(origin, "contains NUL bytes (line " + std::to_string(line) +
                                 "): not a text file, or UTF-16 without a byte-order mark "
                                 "(give --encoding)");
}

std::string too_large(size_t limit) {
    return "larger than the limit of " + std::to_string(limit >> 20) +
           " MB for a transcription (split it, e.g. at page breaks)";
}
}  // namespace

std::string decode_text(std::string bytes, const std::string& origin, const std::string& encoding) {
    std::string enc = lower_ascii(encoding);
    // A UTF-16 byte-order mark says the encoding unambiguously (Windows editors write it).
    if (is_utf8_name(enc) && starts_utf16(bytes)) enc = "utf-16";
    if (!is_utf8_name(enc)) {
        UErrorCode status = U_ZERO_ERROR;
        UConverter* conv = ucnv_open(enc.c_str(), &status);
        if (U_FAILURE(status)) throw InputError(origin, "unknown encoding '" + encoding + "'");
        ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
        icu::UnicodeString u(bytes.data(), int32_t(bytes.size()), conv, status);
        ucnv_close(conv);
        if (U_FAILURE(status)) throw InputError(origin, "text is not valid " + encoding);
        bytes.clear();
        u.toUTF8String(bytes);
    }
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) bytes.erase(0, 3);
    size_t bad = first_invalid_utf8(bytes);
    if (bad != std::string::npos) {
        size_t line = 1 + size_t(std::count(bytes.begin(), bytes.begin() + long(bad), '\n'));
        throw InputError(origin, "not valid UTF-8 (line " + std::to_string(line) +
                                     "); give --encoding if it is e.g. cp1251");
    }
    if (size_t nul = bytes.find('\0'); nul != std::string::npos) throw_nul(bytes, nul, origin);
    // CRLF and CR to LF, in place.
    size_t kept = 0;
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            bytes[kept++] = '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            bytes[kept++] = bytes[i];
        }
    }
    bytes.resize(kept);
    return to_nfc(bytes);
}

std::string read_text_stream(std::istream& in, const std::string& origin,
                             const std::string& encoding, size_t limit) {
    // Read in pieces, so that an endless or huge input (/dev/zero, a disk image given by
    // mistake) is refused after the limit or at its first NUL byte, not after reading it all.
    const bool utf8 = is_utf8_name(encoding);
    std::string bytes;
    std::vector<char> piece(1 << 20);
    while (in) {
        in.read(piece.data(), std::streamsize(piece.size()));
        const size_t got = size_t(in.gcount());
        if (got == 0) break;
        const size_t from = bytes.size();
        if (from + got > limit) throw InputError(origin, too_large(limit));
        bytes.append(piece.data(), got);
        if (utf8 && !starts_utf16(bytes))
            if (size_t nul = bytes.find('\0', from); nul != std::string::npos) {
                bytes.resize(nul + 1);  // decode_text names the first problem up to here
                break;
            }
    }
    if (in.bad()) throw InputError(origin, "read error");
    return decode_text(std::move(bytes), origin, encoding);
}

std::string read_text_file(const std::string& path, const std::string& encoding, size_t limit) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "is a directory, not a file");
    if (std::filesystem::is_regular_file(path, ec) &&
        std::filesystem::file_size(path, ec) > limit && !ec)
        throw InputError(path, too_large(limit));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open file");
    return read_text_stream(in, path, encoding, limit);
}

}  // namespace scanfix
