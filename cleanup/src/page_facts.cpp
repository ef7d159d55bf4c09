// Line structure and geometry facts shared by the noise filters (see page_facts.hpp).
#include "page_facts.hpp"

#include <algorithm>

#include "token_shape.hpp"

namespace scanfix::facts {

std::vector<int> kept_words(const Line& line) {
    std::vector<int> v;
    if (line.removed) return v;
    for (int i = 0; i < int(line.words.size()); ++i)
        if (!line.words[i].removed && !line.words[i].text.empty()) v.push_back(i);
    return v;
}

int previous_kept_line(const Page& page, int i) {
    for (int j = i - 1; j >= 0; --j)
        if (!page.lines[j].empty()) return j;
    return -1;
}

int next_kept_line(const Page& page, int i) {
    for (int j = i + 1; j < int(page.lines.size()); ++j)
        if (!page.lines[j].empty()) return j;
    return -1;
}

bool alone_in_paragraph(const Page& page, int i) {
    int para = page.lines[i].paragraph;
    int p = previous_kept_line(page, i), n = next_kept_line(page, i);
    return (p < 0 || page.lines[p].paragraph != para) && (n < 0 || page.lines[n].paragraph != para);
}

bool at_page_edge(const Page& page, int i) {
    return previous_kept_line(page, i) < 0 || next_kept_line(page, i) < 0;
}

bool inside_sentence(const Page& page, int i) {
    int para = page.lines[i].paragraph;
    int p = previous_kept_line(page, i), n = next_kept_line(page, i);
    if (p < 0 || n < 0 || page.lines[p].paragraph != para || page.lines[n].paragraph != para)
        return false;
    std::string before = page.lines[p].text();
    if (kept_words(page.lines[p]).size() < 2 && !shape::ends_with_hyphen(before)) return false;
    if (shape::ends_with_hyphen(before)) return true;
    return !shape::ends_sentence(before) && shape::starts_lower(page.lines[n].text());
}

cv::Rect line_box(const Line& line) {
    if (line.has_box()) return line.box;
    cv::Rect box;
    for (const Word& w : line.words)
        if (w.has_box()) box = box.area() > 0 ? (box | w.box) : w.box;
    return box;
}

namespace {
std::vector<cv::Rect> kept_boxes_by_x(const Line& line) {
    std::vector<cv::Rect> boxes;
    for (int w : kept_words(line))
        if (line.words[w].has_box()) boxes.push_back(line.words[w].box);
    std::sort(boxes.begin(), boxes.end(),
              [](const cv::Rect& a, const cv::Rect& b) { return a.x < b.x; });
    return boxes;
}

// The page's typed word space: the median gap between neighbouring words of lines that carry
// several words (0 when there are none). A margin item on the same line stands several word
// spaces off, however tall the line boxes are.
int median_word_gap(const Page& page) {
    std::vector<int> gaps;
    for (const Line& line : page.lines) {
        std::vector<cv::Rect> boxes = kept_boxes_by_x(line);
        if (boxes.size() < 4) continue;
        for (size_t i = 1; i < boxes.size(); ++i)
            gaps.push_back(std::max(0, boxes[i].x - (boxes[i - 1].x + boxes[i - 1].width)));
    }
    return percentile(gaps, 0.5);
}

// The box of a line's body: words at either end that stand far apart from the rest (a margin
// item the recognizer put on the same line) are left out. Far means more than twice the word
// height or, when the page's word spaces are measured, more than four of them.
cv::Rect body_box(const Line& line, int median_height, int word_gap) {
    std::vector<cv::Rect> boxes = kept_boxes_by_x(line);
    size_t first = 0, last = boxes.size();
    int gap = 2 * std::max(median_height, 1);
    if (word_gap > 0) gap = std::min(gap, std::max(4 * word_gap, median_height / 2));
    while (last - first > 2 && boxes[first + 1].x - (boxes[first].x + boxes[first].width) > gap)
        ++first;
    while (last - first > 2 &&
           boxes[last - 1].x - (boxes[last - 2].x + boxes[last - 2].width) > gap)
        --last;
    cv::Rect box;
    for (size_t i = first; i < last; ++i) box = box.area() > 0 ? (box | boxes[i]) : boxes[i];
    return box;
}

// Where the lines' typing begins: the leftmost word of each line of several words that was
// read with the confidence of type and holds two letters or digits (handwriting beside the type
// reads with little confidence; dust reads as confident dots).
std::vector<int> typed_line_starts(const Page& page) {
    constexpr float kTypedConfidence = 80;
    std::vector<int> starts;
    for (const Line& line : page.lines) {
        const std::vector<int> kept = kept_words(line);
        if (kept.size() < 4) continue;
        int x = -1;
        for (int w : kept) {
            const Word& word = line.words[w];
            if (!word.has_box() || word.confidence < kTypedConfidence) continue;
            const shape::TokenShape t = shape::shape_of(word.text);
            if (t.letters + t.digits >= 2 && (x < 0 || word.box.x < x)) x = word.box.x;
        }
        if (x >= 0) starts.push_back(x);
    }
    return starts;
}
}  // namespace

cv::Rect text_column(const Page& page) {
    if (const Region* r = page.text_column()) {
        // Preprocessing found the column from the ink, before recognition: handwriting packed
        // beside the type widens it. Where enough lines tell where the typing begins, the
        // column begins there too, with room for a list's numbers hung out to the left.
        constexpr size_t kTypedLines = 8;
        std::vector<int> starts = typed_line_starts(page);
        if (starts.size() < kTypedLines) return r->box;
        // The type's left edge: no more than an eighth of those lines (and one at least) begin
        // left of it; the column begins three word heights further left still.
        std::sort(starts.begin(), starts.end());
        const int edge = starts[std::max<size_t>(2, starts.size() / 8) - 1];
        const int left = std::max(r->box.x, edge - 3 * median_word_height(page));
        const int right = r->box.x + r->box.width;
        return left < right ? cv::Rect(left, r->box.y, right - left, r->box.height) : r->box;
    }
    // Body lines carry several words; margin notes, stamps and folio numbers rarely do.
    const int median_h = median_word_height(page);
    const int word_gap = median_word_gap(page);
    std::vector<int> lefts, rights, tops, bottoms;
    for (const Line& line : page.lines) {
        if (kept_words(line).size() < 4) continue;
        cv::Rect b = body_box(line, median_h, word_gap);
        if (b.area() == 0) continue;
        lefts.push_back(b.x);
        rights.push_back(b.x + b.width);
        tops.push_back(b.y);
        bottoms.push_back(b.y + b.height);
    }
    if (lefts.size() < 2) return {};
    int left = percentile(lefts, 0.25), right = percentile(rights, 0.9);
    int top = *std::min_element(tops.begin(), tops.end());
    int bottom = *std::max_element(bottoms.begin(), bottoms.end());
    if (right <= left || bottom <= top) return {};
    return {left, top, right - left, bottom - top};
}

int median_word_height(const Page& page) {
    std::vector<int> h;
    for (const Line& line : page.lines)
        for (int w : kept_words(line))
            if (line.words[w].has_box()) h.push_back(line.words[w].box.height);
    return percentile(h, 0.5);
}

bool outside_column(const cv::Rect& box, const cv::Rect& column, int slack) {
    if (box.area() == 0 || column.area() == 0) return false;
    int centre = box.x + box.width / 2;
    return centre < column.x - slack || centre > column.x + column.width + slack ||
           box.x + box.width <= column.x - slack || box.x >= column.x + column.width + slack;
}

bool in_region(const Page& page, const cv::Rect& box, RegionKind kind) {
    if (box.area() == 0) return false;
    cv::Point centre(box.x + box.width / 2, box.y + box.height / 2);
    for (const Region& r : page.regions)
        if (r.kind == kind && r.box.contains(centre)) return true;
    return false;
}

}  // namespace scanfix::facts
