// Normalisations applied to both reference and hypothesis before they are compared, so that an
// archive can choose which differences count as errors (letter case, ё/е, pre-reform spelling...).
// Each has a name used by --normalize, the report and describe(); see docs/eval.md.
#pragma once

#include <string>
#include <vector>

namespace scanfix::eval {

struct NormalizeOptions {
    bool whitespace = true;    // runs of spaces and line breaks count as one space
    bool hyphens = false;      // "ge-\nbracht" -> "gebracht" (before whitespace folding)
    bool casefold = false;     // Unicode case folding
    bool punctuation = false;  // remove punctuation (Unicode categories P*)
    bool yo = false;           // ё -> е, Ё -> Е
    bool prereform = false;    // ѣ->е, і->и, ѳ->ф, ѵ->и, word-final ъ dropped
    bool lookalikes = false;   // Latin letters that look Cyrillic (A, B, C, E, H, K, M, O, P,
                               // T, X, Y, a, c, e, o, p, x, y) read as Cyrillic

    template <class Visitor>
    void describe(Visitor& v) {
        v("whitespace", whitespace, "fold runs of whitespace and line breaks into one space");
        v("hyphens", hyphens, "join words split by a hyphen at the end of a line");
        v("case", casefold, "ignore letter case");
        v("punctuation", punctuation, "ignore punctuation");
        v("yo", yo, "read ё as е");
        v("prereform", prereform, "read pre-1918 letters as modern (ѣ, і, ѳ, ѵ, final ъ)");
        v("lookalikes", lookalikes, "read Latin look-alike letters as Cyrillic");
    }

    // Names of the normalisations that are on, in application order.
    std::vector<std::string> applied() const;
};

// All normalisation names, in application order.
const std::vector<std::string>& normalization_names();

// Turns one normalisation on or off by name; throws ConfigError for an unknown name.
void set_normalization(NormalizeOptions& options, const std::string& name, bool on);

// Options from a comma-separated list of names; "none" clears all, "all" sets all, a leading
// "-" turns one off ("all,-case"). Starts from the defaults. Throws ConfigError.
NormalizeOptions parse_normalizations(const std::string& list);

// Applies the options to NFC UTF-8 text. With whitespace folding, a run that contains a line
// break becomes "\n" (kept for display; alignment treats it as a space), others one space;
// leading and trailing whitespace is dropped.
std::string normalize_text(const std::string& text, const NormalizeOptions& options);

}  // namespace scanfix::eval
