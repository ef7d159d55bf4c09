// Lexicon correction: a word the lexicon does not know is replaced by the clearly best known
// word within a small confusion-weighted edit distance (ИХЕНЬЯНА → ПХЕНЬЯНА), with how often
// the document itself uses a candidate as a prior. Numbers, short capitals (abbreviations),
// listed and known words are never touched; unknown words without a confident candidate stay.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "scanfix/cleanup/confusion_table.hpp"
#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

struct LexiconCorrectionParams {
    double max_cost = 0.8;          // largest weighted edit distance accepted
    double margin = 0.2;            // the best candidate must beat the next by this much
    double generic_cost = 1.0;      // cost of an edit that is not in the confusion table
    double frequency_weight = 0.2;  // prior: minus weight × ln(1 + uses in the document)
    int min_length = 4;             // shorter words only towards words the document uses
    int min_short_length = 2;       // shorter words are never corrected
    int short_word_uses = 3;        // uses in the document a short word's correction needs
    int min_caps_length = 5;        // shorter all-capital words are taken as abbreviations
    int keep_frequent = 4;          // an unknown word used this often is kept, unless the
                                    // correction is used more often still
    int max_edits = 2;              // confusion edits combined in one candidate
    int max_lookups = 20;           // dictionary look-ups per unknown word (cheapest first)
    bool use_suggestions = false;   // also ask hunspell (slow: milliseconds per unknown word)
    double min_alternative = 10;    // least confidence (percent) of a recogniser's alternative
                                    // taken when the lexicon knows it and not the word read
    std::string confusions = "confusions.txt";  // in dictionaries/, or a path

    template <class V>
    void describe(V& v) {
        v("max_cost", max_cost, 0.0, 3.0, "largest confusion-weighted edit distance accepted");
        v("margin", margin, 0.0, 2.0, "how much the best candidate must beat the second");
        v("generic_cost", generic_cost, 0.1, 3.0, "cost of an edit not in the confusion table");
        v("frequency_weight", frequency_weight, 0.0, 2.0,
          "prior for candidates the document uses: weight x ln(1 + uses)");
        v("min_length", min_length, 1, 20,
          "shorter words are corrected only towards words the document uses often");
        v("min_short_length", min_short_length, 1, 20, "shorter words are never corrected");
        v("short_word_uses", short_word_uses, 1, 1000,
          "how often the document must use the correction of a short word");
        v("min_caps_length", min_caps_length, 1, 20,
          "shortest all-capital word corrected; shorter ones are taken as abbreviations");
        v("keep_frequent", keep_frequent, 1, 1000,
          "an unknown word used this often is kept unless its correction is used more often");
        v("max_edits", max_edits, 1, 3, "confusion edits combined in one candidate");
        v("max_lookups", max_lookups, 1, 10000,
          "dictionary look-ups per unknown word, cheapest candidates first (bounds the time)");
        v("use_suggestions", use_suggestions, "also take hunspell's suggestions (slow)");
        v("min_alternative", min_alternative, 0.0, 101.0,
          "an unknown word is replaced by the likeliest reading the recogniser itself "
          "considered (Word::alternatives) that the lexicon knows, when that reading's "
          "confidence (percent) is at least this; above 100 never");
        v("confusions", confusions, {}, "confusion table file in dictionaries/ (or a path)");
    }
    void validate() const;
};

class LexiconCorrector {
  public:
    // Loads the confusion table; throws ConfigError when it is missing or malformed.
    LexiconCorrector(const LexiconCorrectionParams& params, const std::string& dictionaries_dir,
                     std::shared_ptr<const Lexicon> lexicon);

    // Corrects every kept word of the document through Page::replace_word. Every candidate
    // weighed for an unknown word goes to `log` at LogLevel::Debug (the library never prints).
    void run(Document& doc, const std::string& stage_name = "lexicon_correction",
             const LogSink& log = {}) const;

    // The correction of one word (no surrounding punctuation), or "" when it stays.
    // `uses(w)` tells how often the document uses the lower-case word w.
    template <class Uses>
    std::string correct(const std::string& core, const Uses& uses, std::string* reason,
                        const LogSink& log = {}) const {
        return correct_impl(
            core, [&](const std::string& w) { return uses(w); }, reason, log);
    }

    const ConfusionTable& confusions() const { return table_; }

  private:
    // The likeliest of the word's alternatives that the lexicon knows, when it does not know
    // the word as read and the document's uses of both allow it; "" otherwise.
    std::string known_alternative(const Word& word,
                                  const std::function<int(const std::string&)>& uses) const;
    std::string correct_impl(const std::string& core,
                             const std::function<int(const std::string&)>& uses,
                             std::string* reason, const LogSink& log) const;
    std::string correct_word(const std::u32string& word,
                             const std::function<int(const std::string&)>& uses,
                             std::string* reason, const LogSink& log) const;
    LexiconCorrectionParams params_;
    std::shared_ptr<const Lexicon> lexicon_;
    ConfusionTable table_;
};

}  // namespace scanfix
