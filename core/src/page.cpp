// Page model helpers: text of lines and the logged edit operations filters use.
#include "scanfix/core/page.hpp"

namespace scanfix {

std::string Line::text() const {
    std::string out;
    for (const Word& w : words) {
        if (w.removed || w.text.empty()) continue;
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

std::string Line::raw_text() const {
    std::string out;
    for (const Word& w : words) {
        if (!out.empty()) out += ' ';
        out += w.text;
    }
    return out;
}

bool Line::empty() const {
    if (removed) return true;
    for (const Word& w : words)
        if (!w.removed && !w.text.empty()) return false;
    return true;
}

const char* to_string(RegionKind kind) {
    switch (kind) {
        case RegionKind::TextColumn:
            return "text_column";
        case RegionKind::Margin:
            return "margin";
        case RegionKind::Stamp:
            return "stamp";
        case RegionKind::Border:
            return "border";
        case RegionKind::PunchHole:
            return "punch_hole";
    }
    return "unknown";
}

const Region* Page::text_column() const {
    for (const Region& r : regions)
        if (r.kind == RegionKind::TextColumn) return &r;
    return nullptr;
}

void Page::remove_word(int line, int word, const std::string& stage, const std::string& reason) {
    Word& w = lines.at(line).words.at(word);
    if (w.removed) return;
    w.removed = true;
    note({stage, "removed", reason, w.text, "", line, word, w.box});
}

void Page::remove_line(int line, const std::string& stage, const std::string& reason) {
    Line& l = lines.at(line);
    if (l.removed) return;
    l.removed = true;
    note({stage, "removed", reason, l.text(), "", line, -1, l.box});
}

void Page::replace_word(int line, int word, const std::string& text, const std::string& stage,
                        const std::string& reason) {
    Word& w = lines.at(line).words.at(word);
    if (w.text == text) return;
    note({stage, "replaced", reason, w.text, text, line, word, w.box});
    w.text = text;
}

std::string Page::label() const {
    return index > 0 ? source + " p." + std::to_string(index + 1) : source;
}

}  // namespace scanfix
