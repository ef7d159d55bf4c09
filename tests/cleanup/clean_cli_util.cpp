// Plain Levenshtein CER for the clean command tests (see clean_cli_util.hpp).
#include "clean_cli_util.hpp"

#include <algorithm>

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

double character_error_rate(const std::string& hypothesis, const std::string& reference) {
    std::u32string h = normalized_code_points(hypothesis), r = normalized_code_points(reference);
    if (r.empty()) return h.empty() ? 0.0 : 1.0;
    std::vector<size_t> prev(h.size() + 1), cur(h.size() + 1);
    for (size_t j = 0; j <= h.size(); ++j) prev[j] = j;
    for (size_t i = 1; i <= r.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= h.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r[i - 1] != h[j - 1])});
        std::swap(prev, cur);
    }
    return double(prev[h.size()]) / double(r.size());
}

}  // namespace scanfix::test
