// White-space folded code points for the clean command tests (see clean_cli_util.hpp).
#include "clean_cli_util.hpp"

namespace scanfix::test {

std::u32string normalized_code_points(const std::string& s) {
    std::u32string out;
    bool space = false;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < len && i + size_t(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + size_t(k)]) & 0x3F);
        i += size_t(len);
        if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\f' || cp == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += U' ';
        space = false;
        out += cp;
    }
    return out;
}

}  // namespace scanfix::test
