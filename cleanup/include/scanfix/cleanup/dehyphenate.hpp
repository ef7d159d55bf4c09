// Dehyphenation: decides how a line ending in a hyphen continues on the next kept line,
// also across a page break and over lines the filters removed. «пере-» + «дать» is a word
// split by the typist (SoftHyphen → «передать»); «Народно-» + «освободительной» is a real
// compound (HardHyphen → «Народно-освободительной»). The renderer (core/layout) applies it.
#pragma once

#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

struct DehyphenateParams {
    bool across_pages = true;  // a hyphen at the foot of a page continues on the next page
    int min_part = 2;          // letters each half needs before the hyphen may be kept

    template <class V>
    void describe(V& v) {
        v("across_pages", across_pages, "join a word hyphenated across a page break");
        v("min_part", min_part, 1, 10,
          "shortest half (letters) of a compound that keeps its hyphen");
    }
    void validate() const;
};

enum class HyphenDecision { NotHyphenated, SoftHyphen, HardHyphen };

// How `left` (ending in a hyphen, as on the page) and `right` (the next line's first word)
// meet, with the reason. Pure function of the two tokens and the lexicon.
HyphenDecision decide_hyphen(const std::string& left, const std::string& right,
                             const Lexicon& lexicon, const DehyphenateParams& params,
                             std::string* reason = nullptr);

// Sets Line::join on every kept line that ends in a hyphen and logs each decision.
void dehyphenate(Document& doc, const Lexicon& lexicon, const DehyphenateParams& params,
                 const std::string& stage_name = "dehyphenate");

}  // namespace scanfix
