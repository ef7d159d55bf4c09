// UTF-8 ⇄ UTF-32 conversions for tests; see test_unicode.hpp.
#include "test_unicode.hpp"

#include <unicode/unistr.h>

namespace scanfix::test {

std::u32string utf32_of(const std::string& utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::u32string out(size_t(u.countChar32()), U'\0');
    UErrorCode status = U_ZERO_ERROR;
    u.toUTF32(reinterpret_cast<UChar32*>(out.data()), int32_t(out.size()), status);
    return out;
}

std::string utf8_of(const std::u32string& utf32) {
    std::string out;
    icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(utf32.data()),
                                  int32_t(utf32.size()))
        .toUTF8String(out);
    return out;
}

}  // namespace scanfix::test
