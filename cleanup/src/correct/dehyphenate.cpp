// Dehyphenation decisions with the lexicon (see dehyphenate.hpp).
#include "scanfix/cleanup/dehyphenate.hpp"

#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace scanfix {

void DehyphenateParams::validate() const {
    if (min_part < 1) throw ConfigError("", 0, "cleanup.dehyphenate.min_part must be >= 1");
}

namespace {

size_t letters_in(std::u32string_view s) {
    size_t n = 0;
    for (char32_t c : s) n += correct::is_letter(c);
    return n;
}

// The last kept word of a line, or -1.
int last_word(const Line& line) {
    for (int i = int(line.words.size()) - 1; i >= 0; --i)
        if (!line.words[i].removed && !line.words[i].text.empty()) return i;
    return -1;
}

int first_word(const Line& line) {
    for (int i = 0; i < int(line.words.size()); ++i)
        if (!line.words[i].removed && !line.words[i].text.empty()) return i;
    return -1;
}

}  // namespace

HyphenDecision decide_hyphen(const std::string& left_token, const std::string& right_token,
                             const Lexicon& lexicon, const DehyphenateParams& params,
                             std::string* reason) {
    auto say = [&](const char* why, HyphenDecision d) {
        if (reason) *reason = why;
        return d;
    };
    std::u32string left = utf32_of(left_token);
    if (left.empty() || !correct::is_line_hyphen(left.back()))
        return say("no hyphen at the line end", HyphenDecision::NotHyphenated);
    left.pop_back();
    correct::TokenParts l = correct::split_token(utf8_of(left));
    correct::TokenParts r = correct::split_token(right_token);
    // A dash standing alone, or a hyphen after punctuation, is no split word.
    if (l.core.empty() || !l.trail.empty())
        return say("the hyphen is a dash", HyphenDecision::NotHyphenated);
    if (r.core.empty() || !r.lead.empty())
        return say("the next line does not continue a word", HyphenDecision::NotHyphenated);
    std::u32string lc = utf32_of(l.core), rc = utf32_of(r.core);
    bool ld = correct::is_digit(lc.back()), rd = correct::is_digit(rc.front());
    if (ld && rd) return say("number range", HyphenDecision::HardHyphen);
    // «пере-» before «2.»: the next line is a number (a folio a filter left), not a half.
    if (ld != rd) return say("a word and a number do not join", HyphenDecision::NotHyphenated);
    if (lexicon.knows(l.core + r.core))
        return say("joined word is known", HyphenDecision::SoftHyphen);
    bool compound = lexicon.knows(l.core + "-" + r.core);
    if (compound && letters_in(lc) >= size_t(params.min_part) &&
        letters_in(rc) >= size_t(params.min_part))
        return say("both halves are words: hyphenated compound kept", HyphenDecision::HardHyphen);
    return say("halves are not both words: split word joined", HyphenDecision::SoftHyphen);
}

void dehyphenate(Document& doc, const Lexicon& lexicon, const DehyphenateParams& params,
                 const std::string& stage_name) {
    params.validate();
    // Kept lines with text, in reading order across pages.
    struct Ref {
        int page, line;
    };
    std::vector<Ref> lines;
    for (int p = 0; p < int(doc.size()); ++p)
        for (int li = 0; li < int(doc[p].lines.size()); ++li)
            if (!doc[p].lines[li].empty()) lines.push_back({p, li});
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        Ref a = lines[i], b = lines[i + 1];
        if (a.page != b.page && !params.across_pages) continue;
        Page& page = doc[a.page];
        Line& line = page.lines[a.line];
        const Line& next = doc[b.page].lines[b.line];
        int lw = last_word(line), nw = first_word(next);
        const std::string& left = line.words[lw].text;
        const std::string& right = next.words[nw].text;
        std::string reason;
        HyphenDecision d = decide_hyphen(left, right, lexicon, params, &reason);
        if (d == HyphenDecision::NotHyphenated) continue;
        line.join = d == HyphenDecision::SoftHyphen ? LineJoin::SoftHyphen : LineJoin::HardHyphen;
        std::string stem = left;
        while (!stem.empty() && (stem.back() == '-')) stem.pop_back();
        if (stem.size() >= 2 && stem.compare(stem.size() - 2, 2, "\xC2\xAC") == 0)
            stem.erase(stem.size() - 2);
        if (stem.size() >= 3 && stem.compare(stem.size() - 3, 3, "\xE2\x80\x90") == 0)
            stem.erase(stem.size() - 3);
        std::string after = d == HyphenDecision::SoftHyphen ? stem + right : stem + "-" + right;
        if (a.page != b.page) reason += " (across a page break)";
        page.note({stage_name, "joined", reason, left + " " + right, after, a.line, lw,
                   line.words[lw].box});
    }
}

}  // namespace scanfix
