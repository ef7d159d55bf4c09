// Grapheme cluster segmentation with ICU's character break iterator over UTF-8 (no UTF-16 copy),
// and interning of clusters as symbols; see graphemes.hpp.
#include "scanfix/eval/graphemes.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

#include "scanfix/core/error.hpp"

namespace scanfix::eval {

namespace {

constexpr Symbol kFirstClusterSymbol = 0x110000;

// A fresh character break iterator, cloned from one built once (building one loads rules).
std::unique_ptr<icu::BreakIterator> character_breaks() {
    static const std::unique_ptr<icu::BreakIterator> prototype = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
        if (U_FAILURE(status)) it.reset();
        return it;
    }();
    if (!prototype) throw Error("ICU character break iterator is not available");
    return std::unique_ptr<icu::BreakIterator>(prototype->clone());
}

// Calls `on_cluster(begin, end)` for every grapheme cluster of UTF-8 `text`.
template <class F>
void for_each_cluster(const std::string& text, F&& on_cluster) {
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, text.data(), int64_t(text.size()), &status);
    if (U_FAILURE(status)) throw Error("cannot open text for grapheme segmentation");
    auto it = character_breaks();
    it->setText(ut, status);
    if (U_FAILURE(status)) {
        utext_close(ut);
        throw Error("cannot segment text into grapheme clusters");
    }
    int32_t begin = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
        on_cluster(uint32_t(begin), uint32_t(end));
        begin = end;
    }
    utext_close(ut);
}

}  // namespace

Symbol SymbolTable::intern(std::string_view cluster) {
    if (cluster.empty()) return 0;
    const auto* p = reinterpret_cast<const uint8_t*>(cluster.data());
    int32_t i = 0, n = int32_t(cluster.size());
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (i == n && c >= 0) {
        if (c == '\n' && newline_is_space_) return ' ';
        return Symbol(c);
    }
    auto found = clusters_.find(std::string(cluster));
    if (found != clusters_.end()) return found->second;
    Symbol s = kFirstClusterSymbol + Symbol(clusters_.size());
    clusters_.emplace(std::string(cluster), s);
    return s;
}

GraphemeText split_graphemes(std::string text, SymbolTable& table) {
    GraphemeText g;
    g.text = std::move(text);
    g.offsets.reserve(g.text.size() + 1);
    g.symbols.reserve(g.text.size());
    std::string_view view(g.text);
    for_each_cluster(g.text, [&](uint32_t begin, uint32_t end) {
        g.offsets.push_back(begin);
        g.symbols.push_back(table.intern(view.substr(begin, end - begin)));
    });
    g.offsets.push_back(uint32_t(g.text.size()));
    return g;
}

size_t count_graphemes(const std::string& text) {
    size_t n = 0;
    for_each_cluster(text, [&](uint32_t, uint32_t) { ++n; });
    return n;
}

}  // namespace scanfix::eval
