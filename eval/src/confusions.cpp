// Counting character confusions and misread words from alignments; see confusions.hpp.
#include "scanfix/eval/confusions.hpp"

#include <algorithm>

namespace scanfix::eval {

namespace {

std::string shown(std::string_view cluster) {
    return cluster == "\n" ? std::string(" ") : std::string(cluster);
}

}  // namespace

void ErrorAnalysis::add(const Comparison& c) {
    size_t i = 0, j = 0;
    for (EditOp op : c.characters.ops) {
        switch (op) {
            case EditOp::Match:
                ++i, ++j;
                break;
            case EditOp::Substitute:
                ++characters_[{shown(c.reference.cluster(i)), shown(c.hypothesis.cluster(j))}];
                ++i, ++j;
                break;
            case EditOp::Delete:
                ++characters_[{shown(c.reference.cluster(i)), ""}], ++i;
                break;
            case EditOp::Insert:
                ++characters_[{"", shown(c.hypothesis.cluster(j))}], ++j;
                break;
        }
    }
    i = 0, j = 0;
    for (EditOp op : c.words.ops) {
        switch (op) {
            case EditOp::Match:
                ++i, ++j;
                break;
            case EditOp::Substitute:
                ++words_[c.reference_words[i++]][c.hypothesis_words[j++]];
                break;
            case EditOp::Delete:
                ++words_[c.reference_words[i++]][""];
                break;
            case EditOp::Insert:
                ++j;
                break;
        }
    }
}

void ErrorAnalysis::merge(const ErrorAnalysis& other) {
    for (const auto& [key, n] : other.characters_) characters_[key] += n;
    for (const auto& [word, readings] : other.words_)
        for (const auto& [reading, n] : readings) words_[word][reading] += n;
}

std::vector<Confusion> ErrorAnalysis::confusions(size_t limit) const {
    std::vector<Confusion> out;
    out.reserve(characters_.size());
    for (const auto& [key, n] : characters_) out.push_back({key.first, key.second, n});
    std::stable_sort(out.begin(), out.end(),
                     [](const Confusion& a, const Confusion& b) { return a.count > b.count; });
    if (limit && out.size() > limit) out.resize(limit);
    return out;
}

std::vector<WrongWord> ErrorAnalysis::wrong_words(size_t limit, size_t readings_per_word) const {
    std::vector<WrongWord> out;
    for (const auto& [word, readings] : words_) {
        WrongWord w{word, 0, {}};
        for (const auto& r : readings) w.count += r.second, w.readings.push_back(r);
        std::stable_sort(w.readings.begin(), w.readings.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        if (readings_per_word && w.readings.size() > readings_per_word)
            w.readings.resize(readings_per_word);
        out.push_back(std::move(w));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const WrongWord& a, const WrongWord& b) { return a.count > b.count; });
    if (limit && out.size() > limit) out.resize(limit);
    return out;
}

}  // namespace scanfix::eval
