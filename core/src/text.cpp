// UTF-8 validation, decoding of transcriptions and ICU normalisation and case mapping.
#include "scanfix/core/text.hpp"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    icu::UnicodeString out = nfc->normalize(u, status);
    if (U_FAILURE(status)) return s;
    std::string r;
    out.toUTF8String(r);
    return r;
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
}  // namespace

std::string decode_text(std::string bytes, const std::string& origin, const std::string& encoding) {
    std::string enc = lower_ascii(encoding);
    // A UTF-16 byte-order mark says the encoding unambiguously (Windows editors write it).
    bool utf16_bom = bytes.size() >= 2 && ((bytes[0] == '\xFF' && bytes[1] == '\xFE') ||
                                           (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
    if ((enc == "utf-8" || enc == "utf8") && utf16_bom) enc = "utf-16";
    if (enc != "utf-8" && enc != "utf8") {
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
    // NUL is valid UTF-8 but never part of a transcription: the file is binary, or UTF-16/32
    // without a byte-order mark.
    if (size_t nul = bytes.find('\0'); nul != std::string::npos) {
        size_t line = 1 + size_t(std::count(bytes.begin(), bytes.begin() + long(nul), '\n'));
        throw InputError(origin, "contains NUL bytes (line " + std::to_string(line) +
                                     "): not a text file, or UTF-16 without a byte-order mark "
                                     "(give --encoding)");
    }
    std::string out;
    out.reserve(bytes.size());
    for (size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            out += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
        } else {
            out += bytes[i];
        }
    }
    return to_nfc(out);
}

std::string read_text_file(const std::string& path, const std::string& encoding) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "is a directory, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "cannot open file");
    std::stringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw InputError(path, "read error");
    return decode_text(ss.str(), path, encoding);
}

}  // namespace scanfix
