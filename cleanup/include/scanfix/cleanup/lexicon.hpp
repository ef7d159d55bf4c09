// The lexicon: which words a language knows, and how often a document or archive uses them.
// Backed by Debian's hunspell dictionaries plus curated lists from dictionaries/ and the
// per-archive lists a profile names. Shared by the filters (never delete a known word in the
// text column) and by the correction stages.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace scanfix {

struct LexiconOptions {
    std::string language = "rus";               // Tesseract-style language code
    std::vector<std::string> extra_word_lists;  // files, one word per line
    std::string dictionaries_dir;               // where curated lists live
};

class Lexicon {
  public:
    virtual ~Lexicon() = default;
    // True when the word (any case, NFC) is a valid word form of the language or a listed word.
    virtual bool knows(const std::string& word) const = 0;
    // Loads the lexicon for the options; throws ConfigError when a named list is missing.
    static std::shared_ptr<const Lexicon> load(const LexiconOptions& options);
};

}  // namespace scanfix
