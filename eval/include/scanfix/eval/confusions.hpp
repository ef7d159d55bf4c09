// Error analysis across pages: which characters are read as which (И→П 37×), which characters
// go missing or appear, and which reference words are most often misread. Fed with
// Comparisons from metrics.hpp; shown by the text, JSON and HTML reports.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "scanfix/eval/metrics.hpp"

namespace scanfix::eval {

// One kind of character error. An empty side means nothing: reference "" is an insertion,
// hypothesis "" a deletion. Line breaks are shown as a space.
struct Confusion {
    std::string reference, hypothesis;
    size_t count = 0;
};

// A reference word that was not read right, with what was read instead ("" = missing).
struct WrongWord {
    std::string reference;
    size_t count = 0;
    std::vector<std::pair<std::string, size_t>> readings;  // most frequent first
};

class ErrorAnalysis {
  public:
    void add(const Comparison& comparison);
    void merge(const ErrorAnalysis& other);

    // Most frequent first; ties in reference then hypothesis order. limit 0 = all.
    std::vector<Confusion> confusions(size_t limit = 0) const;
    std::vector<WrongWord> wrong_words(size_t limit = 0, size_t readings_per_word = 3) const;

  private:
    std::map<std::pair<std::string, std::string>, size_t> characters_;
    std::map<std::string, std::map<std::string, size_t>> words_;
};

}  // namespace scanfix::eval
