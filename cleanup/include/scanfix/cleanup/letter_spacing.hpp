// Letter-spaced words: a typist spaced out a name for emphasis («Ш Т Ы К О В»), and the
// transcription split it into one-letter words. Runs of single letters are joined when the
// result is a known word, or when all are capitals of one script; ordinary one-letter words
// in prose («и в с к о у я») are left alone because their joined form is no word.
#pragma once

#include <string>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix {

struct LetterSpacingParams {
    int min_letters = 3;        // shortest run of single letters considered letter-spaced
    bool join_capitals = true;  // join capitals of one script even when the word is unknown

    template <class V>
    void describe(V& v) {
        v("min_letters", min_letters, 2, 12, "shortest run of one-letter words joined into a word");
        v("join_capitals", join_capitals,
          "join a run of capitals of one script even when the lexicon lacks the word");
    }
    void validate() const;
};

// Joins letter-spaced words on every kept line: the first letter's word takes the joined
// text, the others become empty, each change through Page::replace_word.
void join_letter_spacing(Document& doc, const Lexicon& lexicon, const LetterSpacingParams& params,
                         const std::string& stage_name = "letter_spacing");

}  // namespace scanfix
