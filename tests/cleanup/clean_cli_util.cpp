// White-space folded code points for the clean command tests (see clean_cli_util.hpp).
#include "clean_cli_util.hpp"

#include "scanfix/core/text.hpp"

namespace scanfix::test {

std::u32string normalized_code_points(const std::string& s) {
    std::u32string out;
    bool space = false;
    for (char32_t cp : utf32_of(s)) {
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
