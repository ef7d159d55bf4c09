// The lexicon: which words a language knows, and how often a document or archive uses them.
// Backed by Debian's hunspell dictionaries plus curated lists from dictionaries/ and the
// per-archive lists a profile names. Shared by the filters (never delete a known word in the
// text column) and by the correction stages.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"

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
    // Punctuation around the word («Пхеньяна», "ЦК,") is ignored; numbers are not words.
    virtual bool knows(const std::string& word) const = 0;
    // Corrections the general dictionary proposes for an unknown word (hunspell's suggest),
    // best first; empty when there is no dictionary. Slow (milliseconds): call once per word.
    virtual std::vector<std::string> suggest(const std::string& /*word*/) const { return {}; }
    // True when a general dictionary (not only curated lists) backs the lexicon.
    virtual bool has_dictionary() const { return false; }
    // Loads the lexicon for the options; throws ConfigError when a named list is missing.
    // Loaded once per distinct options and shared: every stage of a run gets the same instance.
    static std::shared_ptr<const Lexicon> load(const LexiconOptions& options);
};

// The lexicon settings a profile gives under "cleanup.lexicon":
//   language: rus            Tesseract-style code; "rus+eng" combines dictionaries
//   lists: [my_archive]      extra word lists: a path, or a name found in dictionaries/
//                            (archives/NAME.txt, then NAME.txt)
// Throws ConfigError (with file and line) for a list that cannot be found.
LexiconOptions lexicon_options(const Profile& profile, const Context& ctx);
// Lexicon::load(lexicon_options(profile, ctx)).
std::shared_ptr<const Lexicon> lexicon_for(const Profile& profile, const Context& ctx);
// The "cleanup.lexicon.*" parameters, for --print-params.
std::vector<ParamSpec> lexicon_param_specs();

}  // namespace scanfix
