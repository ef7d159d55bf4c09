// Reading the confusion table and its weighted edit distance (see confusion_table.hpp).
#include "scanfix/cleanup/confusion_table.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace scanfix {

ConfusionTable ConfusionTable::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ConfigError(path, 0, "confusion table not found");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

ConfusionTable ConfusionTable::parse(const std::string& text, const std::string& origin) {
    ConfusionTable table;
    std::stringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        std::stringstream fields(line);
        std::string read, op, meant, cost_text, extra;
        if (!(fields >> read)) continue;
        if (!(fields >> op >> meant >> cost_text) || (fields >> extra) || (op != "<>" && op != ">"))
            throw ConfigError(origin, number,
                              "expected 'READ <> MEANT COST' or 'READ > MEANT COST'");
        char* end = nullptr;
        double cost = std::strtod(cost_text.c_str(), &end);
        if (*end != '\0' || !(cost > 0) || cost > 10)
            throw ConfigError(origin, number,
                              "cost must be a number in (0, 10], got '" + cost_text + "'");
        std::u32string r = correct::lower(utf32_of(read));
        std::u32string m = correct::lower(utf32_of(meant));
        if (r == m) throw ConfigError(origin, number, "a pair of identical strings");
        table.add({r, m, cost});
        if (op == "<>") table.add({m, r, cost});
    }
    return table;
}

void ConfusionTable::add(Confusion c) {
    for (Confusion& e : entries_)
        if (e.read == c.read && e.meant == c.meant) {
            e.cost = std::min(e.cost, c.cost);
            min_cost_ = std::min(min_cost_, e.cost);
            return;
        }
    min_cost_ = std::min(min_cost_, c.cost);
    entries_.push_back(std::move(c));
}

double ConfusionTable::distance(std::u32string_view a, std::u32string_view b,
                                double generic) const {
    const size_t n = a.size(), m = b.size();
    std::vector<double> dp((n + 1) * (m + 1), 1e9);
    auto at = [&](size_t i, size_t j) -> double& { return dp[i * (m + 1) + j]; };
    at(0, 0) = 0;
    for (size_t i = 0; i <= n; ++i)
        for (size_t j = 0; j <= m; ++j) {
            double& d = at(i, j);
            if (i > 0) d = std::min(d, at(i - 1, j) + generic);
            if (j > 0) d = std::min(d, at(i, j - 1) + generic);
            if (i > 0 && j > 0)
                d = std::min(d, at(i - 1, j - 1) + (a[i - 1] == b[j - 1] ? 0 : generic));
            for (const Confusion& c : entries_) {
                size_t r = c.read.size(), s = c.meant.size();
                if (r > i || s > j) continue;
                if (a.compare(i - r, r, c.read) == 0 && b.compare(j - s, s, c.meant) == 0)
                    d = std::min(d, at(i - r, j - s) + c.cost);
            }
        }
    return at(n, m);
}

}  // namespace scanfix
