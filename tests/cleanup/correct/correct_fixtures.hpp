// Small fixtures for the correction tests: pages typed as strings (one line per "\n", words
// split on spaces, a blank line starts a paragraph) and the lexicon from this source tree.
#pragma once

#include <memory>
#include <sstream>
#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"
#include "test_paths.hpp"
#include "test_skip.hpp"

namespace scanfix::test {

inline Page page_of(const std::string& text, int index = 0) {
    Page page;
    page.source = "test";
    page.index = index;
    page.from_text = true;
    std::stringstream in(text);
    std::string line;
    int paragraph = 0;
    while (std::getline(in, line)) {
        if (line.empty()) {
            ++paragraph;
            continue;
        }
        Line l;
        l.paragraph = paragraph;
        std::stringstream words(line);
        std::string w;
        while (words >> w) l.words.push_back(Word{w});
        page.lines.push_back(std::move(l));
    }
    return page;
}

inline std::string dictionaries() {
    return source_dir() + "/dictionaries";
}

// The Russian lexicon of this tree, or nullptr when hunspell-ru is not installed.
inline std::shared_ptr<const Lexicon> russian_lexicon() {
    LexiconOptions o;
    o.language = "rus";
    o.dictionaries_dir = dictionaries();
    auto lex = Lexicon::load(o);
    return lex->has_dictionary() ? lex : nullptr;
}

}  // namespace scanfix::test

// Tests that need Debian's hunspell-ru show as skipped without it, never as passed.
#define REQUIRE_RUSSIAN_LEXICON(lex)             \
    auto lex = scanfix::test::russian_lexicon(); \
    if (!lex) SCANFIX_SKIP("hunspell ru_RU not installed (apt-get install hunspell-ru)")
