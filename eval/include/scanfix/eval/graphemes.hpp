// Texts as sequences of user-perceived characters (extended grapheme clusters, found with ICU's
// character break iterator), each mapped to an integer symbol so that alignment compares numbers.
// Used by metrics.hpp before alignment.hpp; «й» typed as и + combining breve is one symbol.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace scanfix::eval {

using Symbol = uint32_t;

// Gives every grapheme cluster a symbol. A cluster of one code point is its own symbol; longer
// clusters get numbers above the Unicode range. Texts compared with each other must share a table.
class SymbolTable {
  public:
    // With `newline_is_space`, a line break and a space are the same symbol: whitespace folding
    // keeps line breaks for display only, they must not count as errors against a space.
    explicit SymbolTable(bool newline_is_space = false) : newline_is_space_(newline_is_space) {}

    Symbol intern(std::string_view cluster);

  private:
    bool newline_is_space_;
    std::unordered_map<std::string, Symbol> clusters_;
};

// A UTF-8 text split into grapheme clusters.
struct GraphemeText {
    std::string text;               // the UTF-8 text itself
    std::vector<uint32_t> offsets;  // byte offset where each cluster starts, plus text.size()
    std::vector<Symbol> symbols;    // one symbol per cluster

    size_t size() const { return symbols.size(); }
    bool empty() const { return symbols.empty(); }
    std::string_view cluster(size_t i) const {
        return std::string_view(text).substr(offsets[i], offsets[i + 1] - offsets[i]);
    }
};

// Splits valid UTF-8 (already normalised, e.g. NFC) into grapheme clusters.
GraphemeText split_graphemes(std::string text, SymbolTable& table);

// Number of grapheme clusters in a UTF-8 text.
size_t count_graphemes(const std::string& text);

}  // namespace scanfix::eval
