// Small helpers for the filter tests: pages from strings, hand-built OCR lines, a word list
// standing in for a lexicon.
#pragma once

#include <set>
#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::test {

// A lexicon that knows exactly the listed words (given in lower case), in any case.
class ListLexicon : public Lexicon {
  public:
    explicit ListLexicon(std::set<std::string> words) : words_(std::move(words)) {}
    bool knows(const std::string& w) const override { return words_.count(to_lower(w)) > 0; }

  private:
    std::set<std::string> words_;
};

inline Page page_from(const std::string& text) {
    return document_from_text(text, "test").at(0);
}

inline std::string kept_text(const Page& page) {
    return render_text({page}, Layout::Diplomatic);
}

// An OCR word at x,y of the given size and confidence.
inline Word ocr_word(const std::string& text, int x, int y, int w, int h, float conf = 90) {
    Word word;
    word.text = text;
    word.box = cv::Rect(x, y, w, h);
    word.confidence = conf;
    return word;
}

// An OCR line of ordinary words starting at x on baseline row y, word height 30.
inline Line ocr_line(std::initializer_list<const char*> words, int x, int y, int paragraph = 0) {
    Line line;
    for (const char* t : words) {
        int w = 20 * int(std::string(t).size() / 2 + 1);
        line.words.push_back(ocr_word(t, x, y, w, 30));
        x += w + 15;
    }
    line.paragraph = paragraph;
    line.box = line.words.front().box | line.words.back().box;
    return line;
}

}  // namespace scanfix::test
