// The table of typewriter and OCR confusions (И read for П, rn for m, ...) with their costs,
// kept as a text file in dictionaries/, and the weighted edit distance it defines. The shape
// follows hunspell's REP tables: pairs of strings, here with a cost per pair.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scanfix {

// `read` is what the page or the recognizer shows, `meant` what was typed; lower case.
struct Confusion {
    std::u32string read, meant;
    double cost = 0.5;
};

class ConfusionTable {
  public:
    // File format, one pair per line, "#" starts a comment:
    //   и <> п 0.3     both directions
    //   rn > m 0.3     read "rn", meant "m"
    // Throws ConfigError with file and line for a malformed line or a missing file.
    static ConfusionTable load(const std::string& path);
    static ConfusionTable parse(const std::string& text, const std::string& origin);

    const std::vector<Confusion>& entries() const { return entries_; }
    double min_cost() const { return min_cost_; }

    // Weighted edit distance from `read` to `meant` (both lower case): table pairs at their
    // cost, any other substitution, insertion or deletion at `generic_cost`.
    double distance(std::u32string_view read, std::u32string_view meant, double generic_cost) const;

  private:
    void add(Confusion c);
    std::vector<Confusion> entries_;
    double min_cost_ = 1.0;
};

}  // namespace scanfix
