// Text rendering of the page model in reading and diplomatic layout.
#include "scanfix/core/layout.hpp"

#include "scanfix/core/error.hpp"

namespace scanfix {

Layout parse_layout(const std::string& name) {
    if (name == "reading") return Layout::Reading;
    if (name == "diplomatic") return Layout::Diplomatic;
    throw ConfigError("", 0, "unknown layout '" + name + "' (reading or diplomatic)");
}

namespace {

std::string line_text(const Line& line, bool keep_noise) {
    if (!keep_noise) return line.removed ? std::string() : line.text();
    std::string out;
    for (const Word& w : line.words) {
        if (w.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += (w.removed || line.removed) ? "⟦" + w.text + "⟧" : w.text;
    }
    return out;
}

bool ends_with_hyphen(const std::string& s) {
    return !s.empty() &&
           (s.back() == '-' || (s.size() >= 3 && s.compare(s.size() - 3, 3, "¬") == 0) ||
            (s.size() >= 3 && s.compare(s.size() - 3, 3, "‐") == 0));
}

void drop_hyphen(std::string& s) {
    if (s.back() == '-')
        s.pop_back();
    else
        s.erase(s.size() - 3);
}

bool ends_sentence(const std::string& s) {
    if (s.empty()) return false;
    char c = s.back();
    return c == '.' || c == '!' || c == '?' || c == ':';
}

}  // namespace

std::string render_text(const Document& doc, Layout layout, bool keep_noise) {
    std::string out;
    if (layout == Layout::Diplomatic) {
        for (size_t p = 0; p < doc.size(); ++p) {
            if (p > 0) out += '\f';
            int last_paragraph = -1;
            for (const Line& line : doc[p].lines) {
                std::string t = line_text(line, keep_noise);
                if (t.empty()) continue;
                if (last_paragraph >= 0 && line.paragraph != last_paragraph) out += '\n';
                last_paragraph = line.paragraph;
                out += t;
                out += '\n';
            }
        }
        return out;
    }

    // Reading layout: flow lines of a paragraph together; the pending join of the previous
    // kept line decides whether the next one starts with a space, nothing, or a new paragraph.
    bool have_text = false;
    LineJoin pending = LineJoin::Space;
    int last_paragraph = -1;
    for (size_t p = 0; p < doc.size(); ++p) {
        for (const Line& line : doc[p].lines) {
            std::string t = line_text(line, keep_noise);
            if (t.empty()) continue;
            bool joined = have_text && pending != LineJoin::Space;
            if (have_text && !joined) {
                // At a page break the paragraph goes on unless the last page ended a sentence.
                bool new_paragraph =
                    last_paragraph < 0 ? ends_sentence(out) : line.paragraph != last_paragraph;
                out += new_paragraph ? "\n\n" : " ";
            }
            if (joined && pending == LineJoin::SoftHyphen && ends_with_hyphen(out))
                drop_hyphen(out);
            out += t;
            have_text = true;
            pending = ends_with_hyphen(t) ? line.join : LineJoin::Space;
            last_paragraph = line.paragraph;
        }
        last_paragraph = -1;  // a new page starts: paragraph numbers restart
    }
    if (have_text) out += '\n';
    return out;
}

namespace {

// The last kept line of a page, or -1.
int last_kept_line(const Page& page) {
    for (int i = int(page.lines.size()) - 1; i >= 0; --i)
        if (!page.lines[i].empty()) return i;
    return -1;
}

// The first kept word of a page's first kept line, as {line, word}, or {-1, -1}.
std::pair<int, int> first_kept_word(const Page& page) {
    for (int i = 0; i < int(page.lines.size()); ++i) {
        const Line& line = page.lines[i];
        if (line.empty()) continue;
        for (int w = 0; w < int(line.words.size()); ++w)
            if (!line.words[w].removed && !line.words[w].text.empty()) return {i, w};
    }
    return {-1, -1};
}

// The page's last kept line ends in a hyphen the cleanup joined to the next page.
bool continues_on_next_page(const Page& page) {
    const int last = last_kept_line(page);
    return last >= 0 && page.lines[last].join != LineJoin::Space &&
           ends_with_hyphen(page.lines[last].text());
}

}  // namespace

std::string render_page_text(const Document& doc, size_t page, Layout layout, bool keep_noise) {
    Page alone = doc.at(page);
    if (layout == Layout::Reading) {
        if (page > 0 && continues_on_next_page(doc[page - 1])) {
            auto [li, wi] = first_kept_word(alone);
            if (li >= 0) alone.lines[li].words[wi].text.clear();
        }
        if (page + 1 < doc.size() && continues_on_next_page(alone)) {
            auto [li, wi] = first_kept_word(doc[page + 1]);
            if (li >= 0) {
                Line rest;
                rest.paragraph = alone.lines[last_kept_line(alone)].paragraph;
                rest.words.push_back(doc[page + 1].lines[li].words[wi]);
                alone.lines.push_back(std::move(rest));
            }
        }
    }
    return render_text({alone}, layout, keep_noise);
}

}  // namespace scanfix
