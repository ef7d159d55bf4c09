// CER/WER computation; see metrics.hpp.
#include "scanfix/eval/metrics.hpp"

#include <unordered_map>

#include "scanfix/core/text.hpp"

namespace scanfix::eval {

double EditCounts::rate() const {
    if (reference_length == 0) return double(errors());
    return double(errors()) / double(reference_length);
}

EditCounts& EditCounts::operator+=(const EditCounts& o) {
    substitutions += o.substitutions;
    deletions += o.deletions;
    insertions += o.insertions;
    reference_length += o.reference_length;
    hypothesis_length += o.hypothesis_length;
    return *this;
}

EditCounts count_edits(const Alignment& a) {
    EditCounts c;
    c.substitutions = a.substitutions;
    c.deletions = a.deletions;
    c.insertions = a.insertions;
    c.reference_length = a.matches + a.substitutions + a.deletions;
    c.hypothesis_length = a.matches + a.substitutions + a.insertions;
    return c;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    size_t i = 0;
    auto is_space = [&](size_t at) {
        unsigned char c = static_cast<unsigned char>(text[at]);
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
    };
    while (i < text.size()) {
        while (i < text.size() && is_space(i)) ++i;
        size_t start = i;
        while (i < text.size() && !is_space(i)) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

namespace {

std::vector<uint32_t> word_symbols(const std::vector<std::string>& words,
                                   std::unordered_map<std::string, uint32_t>& table) {
    std::vector<uint32_t> symbols;
    symbols.reserve(words.size());
    for (const auto& w : words)
        symbols.push_back(table.emplace(w, uint32_t(table.size())).first->second);
    return symbols;
}

}  // namespace

Comparison compare_texts(const std::string& reference, const std::string& hypothesis,
                         const NormalizeOptions& normalize, const AlignOptions& align_options) {
    Comparison c;
    std::string ref = normalize_text(decode_text(reference, "reference"), normalize);
    std::string hyp = normalize_text(decode_text(hypothesis, "hypothesis"), normalize);
    c.reference_words = split_words(ref);
    c.hypothesis_words = split_words(hyp);

    SymbolTable table(normalize.whitespace);
    c.reference = split_graphemes(std::move(ref), table);
    c.hypothesis = split_graphemes(std::move(hyp), table);
    c.characters = align(c.reference.symbols, c.hypothesis.symbols, align_options);

    std::unordered_map<std::string, uint32_t> words;
    c.words = align(word_symbols(c.reference_words, words), word_symbols(c.hypothesis_words, words),
                    align_options);

    c.result.characters = count_edits(c.characters);
    c.result.words = count_edits(c.words);
    c.result.exact = c.characters.exact && c.words.exact;
    return c;
}

EvalResult evaluate(const std::string& reference, const std::string& hypothesis,
                    const NormalizeOptions& normalize, const AlignOptions& align) {
    return compare_texts(reference, hypothesis, normalize, align).result;
}

}  // namespace scanfix::eval
