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

TextRenderer::TextRenderer(Layout layout, bool keep_noise)
    : layout_(layout), keep_noise_(keep_noise) {}

void TextRenderer::add(const Document& doc, bool continues_last_page) {
    for (size_t p = 0; p < doc.size(); ++p) {
        const bool new_page = !(p == 0 && continues_last_page && pages_ > 0);
        if (new_page) ++pages_;
        if (layout_ == Layout::Diplomatic)
            add_diplomatic(doc[p], new_page);
        else
            add_reading(doc[p], new_page);
    }
}

void TextRenderer::add_diplomatic(const Page& page, bool new_page) {
    if (new_page) {
        if (pages_ > 1) out_ += '\f';
        last_paragraph_ = -1;
    }
    for (const Line& line : page.lines) {
        std::string t = line_text(line, keep_noise_);
        if (t.empty()) continue;
        if (last_paragraph_ >= 0 && line.paragraph != last_paragraph_) out_ += '\n';
        last_paragraph_ = line.paragraph;
        out_ += t;
        out_ += '\n';
    }
}

// Reading layout: flow lines of a paragraph together; the pending join of the previous kept
// line decides whether the next one starts with a space, nothing, or a new paragraph.
void TextRenderer::add_reading(const Page& page, bool new_page) {
    if (new_page) last_paragraph_ = -1;  // a new page starts: paragraph numbers restart
    for (const Line& line : page.lines) {
        std::string t = line_text(line, keep_noise_);
        if (t.empty()) continue;
        bool joined = have_text_ && pending_ != LineJoin::Space;
        if (have_text_ && !joined) {
            // At a page break the paragraph goes on unless the last page ended a sentence.
            bool new_paragraph =
                last_paragraph_ < 0 ? ends_sentence(out_) : line.paragraph != last_paragraph_;
            out_ += new_paragraph ? "\n\n" : " ";
        }
        if (joined && pending_ == LineJoin::SoftHyphen && ends_with_hyphen(out_)) drop_hyphen(out_);
        out_ += t;
        have_text_ = true;
        pending_ = ends_with_hyphen(t) ? line.join : LineJoin::Space;
        last_paragraph_ = line.paragraph;
    }
}

std::string TextRenderer::take() {
    // The last bytes stay: the next line may drop a hyphen there or look for a full stop.
    constexpr size_t kHeld = 8;
    if (out_.size() <= kHeld) return {};
    std::string done = out_.substr(0, out_.size() - kHeld);
    out_.erase(0, out_.size() - kHeld);
    return done;
}

std::string TextRenderer::finish() {
    std::string rest = std::move(out_);
    out_.clear();
    if (layout_ == Layout::Reading && have_text_) rest += '\n';
    return rest;
}

std::string render_text(const Document& doc, Layout layout, bool keep_noise) {
    TextRenderer renderer(layout, keep_noise);
    renderer.add(doc);
    std::string out = renderer.take();
    return out + renderer.finish();
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
