// --shard K/N parsing and selection (see shard.hpp).
#include "scanfix/batch/shard.hpp"

#include <cctype>

#include "scanfix/core/error.hpp"

namespace scanfix::batch {
namespace {

bool all_digits(const std::string& s) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

}  // namespace

Shard parse_shard(const std::string& text) {
    size_t slash = text.find('/');
    std::string k = slash == std::string::npos ? "" : text.substr(0, slash);
    std::string n = slash == std::string::npos ? "" : text.substr(slash + 1);
    if (!all_digits(k) || !all_digits(n))
        throw UsageError("--shard", "'" + text + "' is not K/N (e.g. 0/4)");
    Shard s{std::stoi(k), std::stoi(n)};
    if (s.count < 1) throw UsageError("--shard", "'" + text + "': N must be at least 1");
    if (s.index >= s.count)
        throw UsageError("--shard", "'" + text + "': K counts from 0 and must be below N (0.." +
                                        std::to_string(s.count - 1) + ")");
    return s;
}

std::vector<size_t> shard_positions(size_t total, const Shard& shard) {
    std::vector<size_t> out;
    for (size_t i = size_t(shard.index); i < total; i += size_t(shard.count)) out.push_back(i);
    return out;
}

}  // namespace scanfix::batch
