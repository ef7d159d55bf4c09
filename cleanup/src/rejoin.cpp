// Rejoining text that ran through removed lines: a sentence interrupted by a page number, a
// stamp or a margin column goes on in the same paragraph once the noise is gone.
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {

void rejoin_across_removed_lines(Page& page) {
    const int n = int(page.lines.size());
    for (int i = 0; i < n; ++i) {
        if (page.lines[i].empty()) continue;
        int prev = facts::previous_kept_line(page, i);
        if (prev < 0 || prev == i - 1) continue;  // nothing removed in between
        if (page.lines[prev].paragraph == page.lines[i].paragraph) continue;
        std::string before = page.lines[prev].text(), after = page.lines[i].text();
        bool continues = shape::ends_with_hyphen(before) ||
                         (!shape::ends_sentence(before) && shape::starts_lower(after));
        if (!continues) continue;
        const int from = page.lines[i].paragraph, to = page.lines[prev].paragraph;
        for (int k = i; k < n && (page.lines[k].paragraph == from || page.lines[k].empty()); ++k)
            if (page.lines[k].paragraph == from) page.lines[k].paragraph = to;
        // The report shows the two words that meet, not whole paragraphs.
        const Line& a = page.lines[prev];
        const Line& b = page.lines[i];
        std::vector<int> ka = facts::kept_words(a), kb = facts::kept_words(b);
        page.note({"rejoin", "joined", "the text continues across removed lines",
                   a.words[ka.back()].text, b.words[kb.front()].text, i, -1, b.box});
    }
}

}  // namespace scanfix
