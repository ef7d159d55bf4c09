// Joining letter-spaced words (see letter_spacing.hpp).
#include "scanfix/cleanup/letter_spacing.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace scanfix {

void LetterSpacingParams::validate() const {
    if (min_letters < 2)
        throw ConfigError("", 0, "cleanup.letter_spacing.min_letters must be >= 2");
}

namespace {

struct Spaced {
    int word;
    correct::TokenParts parts;
    char32_t letter;
};

// A run is worth joining when the lexicon knows the word, or when every letter is a capital
// of one script (emphasised names are usually capitals; prose one-letter words are not).
bool should_join(const std::vector<Spaced>& run, const Lexicon& lexicon,
                 const LetterSpacingParams& params, std::string* joined, std::string* reason) {
    std::u32string letters;
    for (const Spaced& s : run) letters.push_back(s.letter);
    *joined = utf8_of(letters);
    if (lexicon.knows(*joined)) {
        *reason = "letter-spaced word joined (known word)";
        return true;
    }
    if (!params.join_capitals) return false;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(UChar32(letters[0]), &status);
    for (char32_t c : letters) {
        UErrorCode st = U_ZERO_ERROR;
        if (!u_isupper(UChar32(c)) || uscript_getScript(UChar32(c), &st) != script) return false;
    }
    *reason = "letter-spaced capitals joined";
    return true;
}

void join_runs(Page& page, int li, std::vector<Spaced>& run, const Lexicon& lexicon,
               const LetterSpacingParams& params, const std::string& stage) {
    if (int(run.size()) >= params.min_letters) {
        std::string joined, reason;
        if (should_join(run, lexicon, params, &joined, &reason)) {
            std::string text = run.front().parts.lead + joined + run.back().parts.trail;
            page.replace_word(li, run.front().word, text, stage, reason);
            for (size_t i = 1; i < run.size(); ++i)
                page.replace_word(li, run[i].word, "", stage, "letter joined into " + joined);
        }
    }
    run.clear();
}

}  // namespace

void join_letter_spacing(Document& doc, const Lexicon& lexicon, const LetterSpacingParams& params,
                         const std::string& stage_name) {
    params.validate();
    for (Page& page : doc)
        for (int li = 0; li < int(page.lines.size()); ++li) {
            Line& line = page.lines[li];
            if (line.removed) continue;
            std::vector<Spaced> run;
            for (int wi = 0; wi < int(line.words.size()); ++wi) {
                const Word& w = line.words[wi];
                if (w.removed || w.text.empty()) continue;
                // One letter with a little punctuation is a few bytes; skip the rest cheaply.
                correct::TokenParts parts;
                std::u32string core;
                if (w.text.size() <= 12) {
                    parts = correct::split_token(w.text);
                    core = utf32_of(parts.core);
                }
                bool single = core.size() == 1 && correct::is_letter(core[0]);
                // Punctuation may open the first letter and close the last, never sit inside.
                if (!single || (!parts.lead.empty() && !run.empty())) {
                    join_runs(page, li, run, lexicon, params, stage_name);
                    if (!single) continue;
                }
                run.push_back({wi, parts, core[0]});
                if (!parts.trail.empty()) join_runs(page, li, run, lexicon, params, stage_name);
            }
            join_runs(page, li, run, lexicon, params, stage_name);
        }
}

}  // namespace scanfix
