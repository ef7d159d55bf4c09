// Script and homoglyph repair: Latin look-alikes inside Cyrillic words become Cyrillic and
// vice versa, Roman month numerals in dates are made Latin («15.У.49г.» → «15.V.49г.»), and
// words are normalised to NFC. The look-alike tables are ICU transliteration rules kept in
// dictionaries/translit/, so an archive can bring its own.
#pragma once

#include <memory>
#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

struct ScriptRepairParams {
    bool homoglyphs = true;   // repair words that mix scripts
    bool roman_dates = true;  // make the month of a dotted date a Latin Roman numeral
    bool nfc = true;          // normalise every word to Unicode NFC
    // A word entirely of look-alike letters in the other script («HOA» among Cyrillic words)
    // is converted when the lexicon knows the converted form and at least this share of the
    // letters around it (its line, else its page) are of the target script.
    double context_share = 0.8;
    std::string to_cyrillic_rules = "translit/to_cyrillic.txt";  // in dictionaries/
    std::string to_latin_rules = "translit/to_latin.txt";
    std::string roman_rules = "translit/roman_numerals.txt";

    template <class V>
    void describe(V& v) {
        v("homoglyphs", homoglyphs, "repair Latin/Cyrillic/Greek look-alikes mixed in a word");
        v("roman_dates", roman_dates,
          "Latin Roman month numerals in dotted dates (15.У.49 → 15.V.49)");
        v("nfc", nfc, "normalise words to Unicode NFC");
        v("context_share", context_share, 0.5, 1.0,
          "share of surrounding letters in the target script needed to convert a whole word");
        v("to_cyrillic_rules", to_cyrillic_rules, {},
          "ICU transliteration rules, look-alikes to Cyrillic");
        v("to_latin_rules", to_latin_rules, {}, "ICU transliteration rules, look-alikes to Latin");
        v("roman_rules", roman_rules, {}, "ICU transliteration rules, letters to Roman numerals");
    }
    void validate() const;
};

// Compiled transliterators for one set of parameters; reusable across documents.
class ScriptRepairer {
  public:
    // Throws ConfigError (file and line) for a missing or malformed rules file.
    ScriptRepairer(const ScriptRepairParams& params, const std::string& dictionaries_dir,
                   std::shared_ptr<const Lexicon> lexicon);
    ~ScriptRepairer();
    ScriptRepairer(const ScriptRepairer&) = delete;
    ScriptRepairer& operator=(const ScriptRepairer&) = delete;

    // Repairs every kept word of the document through Page::replace_word.
    void run(Document& doc, const std::string& stage_name = "script_repair") const;

    // The repaired token, or the token unchanged. `cyrillic_share` is the share of Cyrillic
    // among the Latin and Cyrillic letters around the token (0.5 when unknown); `reason`
    // receives why the token changed.
    std::string repair(const std::string& token, double cyrillic_share, std::string* reason) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace scanfix
