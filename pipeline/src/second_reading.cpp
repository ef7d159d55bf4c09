// Where to read a page again, and which reading of each group of lines to keep; see
// second_reading.hpp.
#include "scanfix/pipeline/second_reading.hpp"
#include "scanfix/core/box_overlap.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <numeric>

namespace scanfix {
namespace {

// Two lines are the same typed line when they share most of the lower one's height and some
// of their width.
bool same_line(const cv::Rect& a, const cv::Rect& b) {
    return vertical_overlap(a, b) >= 0.5 * std::min(a.height, b.height) &&
           horizontal_overlap(a, b) > 0;
}

cv::Rect box_of(const Line& line) {
    cv::Rect r = line.box;
    for (const Word& w : line.words)
        if (w.has_box()) r = r.area() > 0 ? (r | w.box) : w.box;
    return r;
}

// Length of the union of the lines' horizontal extents within [lo, hi).
int covered_width(const std::vector<cv::Rect>& boxes, int lo, int hi) {
    std::vector<std::pair<int, int>> spans;
    for (const cv::Rect& b : boxes) {
        const int a = std::max(lo, b.x), z = std::min(hi, b.x + b.width);
        if (z > a) spans.push_back({a, z});
    }
    std::sort(spans.begin(), spans.end());
    int total = 0, end = lo;
    for (const auto& [a, z] : spans) {
        if (z <= end) continue;
        total += z - std::max(a, end);
        end = z;
    }
    return total;
}

std::string line_words(const std::vector<const Line*>& lines) {
    std::string out;
    for (const Line* l : lines) out += (out.empty() ? "" : " / ") + l->text();
    return out;
}

// The other reading's word in the same place (each box mostly inside the other) is one more
// candidate the recognisers considered for the kept word: lexicon correction takes it only where
// the kept word is unknown and it is known. Alternatives stay likeliest first.
int offer_alternatives(const std::vector<Line*>& kept, const std::vector<const Line*>& other) {
    int offered = 0;
    for (Line* line : kept)
        for (Word& w : line->words) {
            if (!w.has_box() || w.removed) continue;
            for (const Line* o : other)
                for (const Word& v : o->words) {
                    if (!v.has_box() || v.text.empty() || v.text == w.text) continue;
                    const int shared = (w.box & v.box).area();
                    if (shared < 0.6 * std::max(w.box.area(), v.box.area())) continue;
                    const bool known =
                        std::any_of(w.alternatives.begin(), w.alternatives.end(),
                                    [&](const Alternative& a) { return a.text == v.text; });
                    if (known) continue;
                    const Alternative a{v.text, std::max(0.0f, v.confidence)};
                    auto at = std::find_if(
                        w.alternatives.begin(), w.alternatives.end(),
                        [&](const Alternative& b) { return b.confidence < a.confidence; });
                    w.alternatives.insert(at, a);
                    ++offered;
                }
        }
    return offered;
}

void note(Page& page, const char* action, std::string reason, std::string before, std::string after,
          const cv::Rect& box) {
    LogEntry e;
    e.stage = "second_reading";
    e.action = action;
    e.reason = std::move(reason);
    e.before = std::move(before);
    e.after = std::move(after);
    e.box = box;
    page.note(std::move(e));
}

}  // namespace

SecondReadingPlan plan_second_reading(const Page& page, const SecondReadingParams& p,
                                      const UnreadInkParams& unread_params) {
    SecondReadingPlan plan;
    if (!p.enabled || page.image.empty() || page.character_height <= 0) return plan;
    std::vector<cv::Rect> read, excluded;
    for (const Line& line : page.lines)
        for (const Word& w : line.words)
            if (w.has_box()) read.push_back(page.source_box(w.box));
    for (const Region& r : page.regions)
        if (r.kind == RegionKind::Border || r.kind == RegionKind::PunchHole)
            excluded.push_back(page.source_box(r.box));
    // The type's height on the source image: the working page is the source turned and, for a
    // photographed sheet, warped, so a text line keeps roughly its height.
    const cv::Rect probe(page.working_size().width / 2, page.working_size().height / 2,
                         page.character_height, page.character_height);
    const int ch = std::max(4, page.source_box(probe).height * 95 / 100);
    plan.unread = find_unread_ink(page.image, ch, read, excluded, unread_params);
    plan.areas = plan.unread.rows;
    for (const Line& line : page.lines) {
        if (line.quality.known() && line.quality.score < p.weak_line &&
            line.quality.characters >= p.weak_line_characters) {
            ++plan.weak_lines;
            cv::Rect b = page.source_box(box_of(line));
            const int pad = ch / 2;
            plan.areas.push_back(
                cv::Rect(b.x - pad, b.y - pad, b.width + 2 * pad, b.height + 2 * pad) &
                cv::Rect({}, page.image.size()));
        }
    }
    if (plan.unread.unread_share() > p.whole_page) {
        plan.whole_page = true;
        plan.areas.clear();
        return plan;
    }
    // Overlapping areas are read once.
    for (bool merged = true; merged;) {
        merged = false;
        for (size_t i = 0; i < plan.areas.size() && !merged; ++i)
            for (size_t j = i + 1; j < plan.areas.size() && !merged; ++j)
                if ((plan.areas[i] & plan.areas[j]).area() > 0) {
                    plan.areas[i] |= plan.areas[j];
                    plan.areas.erase(plan.areas.begin() + long(j));
                    merged = true;
                }
    }
    return plan;
}

void choose_readings(Page& page, std::vector<Line> second, const Lexicon* lexicon,
                     const QualityParams& quality, const SecondReadingParams& p) {
    // Into the working image's coordinates, with their estimates.
    for (Line& line : second) {
        line.box = page.working_box(line.box);
        for (Word& w : line.words) w.box = page.working_box(w.box);
        line.quality = line_quality(line, lexicon, quality);
    }
    for (Line& line : page.lines) line.quality = line_quality(line, lexicon, quality);
    const size_t n_first = page.lines.size(), n_second = second.size();

    // Groups of lines both readings hold: connected by being the same typed line.
    std::vector<int> group(n_first + n_second);
    std::iota(group.begin(), group.end(), 0);
    std::function<int(int)> root = [&](int i) {
        return group[i] == i ? i : group[i] = root(group[i]);
    };
    for (size_t i = 0; i < n_first; ++i)
        for (size_t j = 0; j < n_second; ++j)
            if (same_line(box_of(page.lines[i]), box_of(second[j])))
                group[root(int(i))] = root(int(n_first + j));

    std::vector<Line> result;
    std::vector<bool> first_done(n_first, false), second_done(n_second, false);
    int next_paragraph = 0;
    for (const Line& l : page.lines) next_paragraph = std::max(next_paragraph, l.paragraph + 1);
    int kept_first = 0, taken_second = 0, added = 0, offered = 0;

    for (size_t i = 0; i < n_first; ++i) {
        if (first_done[i]) continue;
        const int g = root(int(i));
        std::vector<size_t> firsts, seconds;
        for (size_t k = 0; k < n_first; ++k)
            if (root(int(k)) == g) firsts.push_back(k);
        for (size_t k = 0; k < n_second; ++k)
            if (root(int(n_first + k)) == g) seconds.push_back(k);
        for (size_t k : firsts) first_done[k] = true;
        for (size_t k : seconds) second_done[k] = true;
        if (seconds.empty()) {
            result.push_back(std::move(page.lines[i]));
            continue;
        }
        std::vector<cv::Rect> first_boxes, second_boxes;
        double first_evidence = 0, second_evidence = 0;
        int chars = 0;
        for (size_t k : firsts) {
            first_boxes.push_back(box_of(page.lines[k]));
            first_evidence += page.lines[k].quality.evidence;
            chars += page.lines[k].quality.characters;
        }
        for (size_t k : seconds) {
            second_boxes.push_back(box_of(second[k]));
            second_evidence += second[k].quality.evidence;
        }
        cv::Rect span = first_boxes.front();
        for (const cv::Rect& b : first_boxes) span |= b;
        // Only a second reading that spans the first one's lines can stand in for them.
        const bool spans = covered_width(second_boxes, span.x, span.x + span.width) >=
                           0.8 * covered_width(first_boxes, span.x, span.x + span.width);
        std::vector<const Line*> first_lines, second_lines;
        for (size_t k : firsts) first_lines.push_back(&page.lines[k]);
        for (size_t k : seconds) second_lines.push_back(&second[k]);
        if (spans && second_evidence > 0 &&
            second_evidence > first_evidence + p.margin * std::max(chars, 1)) {
            const int paragraph = page.lines[firsts.front()].paragraph;
            const int block = page.lines[firsts.front()].block;
            note(page, "replaced",
                 fmt::format("the second reading is more plausible (evidence {:.1f} against "
                             "{:.1f})",
                             second_evidence, first_evidence),
                 line_words(first_lines), line_words(second_lines), span);
            std::vector<Line*> taken;
            for (size_t k : seconds) taken.push_back(&second[k]);
            offered += offer_alternatives(taken, first_lines);
            for (size_t k : seconds) {
                second[k].paragraph = paragraph;
                second[k].block = block;
                result.push_back(std::move(second[k]));
            }
            ++taken_second;
            continue;
        }
        ++kept_first;
        std::vector<Line*> kept;
        for (size_t k : firsts) kept.push_back(&page.lines[k]);
        offered += offer_alternatives(kept, second_lines);
        // Keep the first reading; a plausible word the second read where the first has none
        // fills in, once, on the first reading's line it shares most height with.
        for (size_t sj : seconds)
            for (const Word& w : second[sj].words) {
                if (!w.has_box() || counted_characters(w.text) < 2 ||
                    word_plausibility(w, lexicon, quality) < p.fill_in)
                    continue;
                Line* target = nullptr;
                int best = 0;
                bool overlaps = false;
                for (size_t k : firsts) {
                    Line& line = page.lines[k];
                    for (const Word& f : line.words)
                        overlaps = overlaps || (f.has_box() && (f.box & w.box).area() > 0);
                    const int shared = vertical_overlap(box_of(line), w.box);
                    if (shared > best && shared >= 0.5 * w.box.height) {
                        best = shared;
                        target = &line;
                    }
                }
                if (overlaps || !target) continue;
                auto at =
                    std::find_if(target->words.begin(), target->words.end(),
                                 [&](const Word& f) { return f.has_box() && f.box.x > w.box.x; });
                note(page, "added", "read only by the second reading, beside the line", "", w.text,
                     w.box);
                target->words.insert(at, w);
                target->box |= w.box;
            }
        for (size_t k : firsts) result.push_back(std::move(page.lines[k]));
    }
    // Lines only the second reading has: text the first reading lost, if it looks like text.
    for (size_t j = 0; j < n_second; ++j) {
        if (second_done[j]) continue;
        Line& line = second[j];
        if (line.quality.evidence <= 0 || line.quality.score < p.fill_in ||
            line.quality.characters < 3)
            continue;
        const cv::Rect b = box_of(line);
        // After the nearest line above that shares its columns, else at the top.
        int after = -1, best_bottom = -1;
        for (int k = 0; k < int(result.size()); ++k) {
            const cv::Rect r = box_of(result[k]);
            if (r.y + r.height <= b.y + b.height / 2 && horizontal_overlap(r, b) > 0 &&
                r.y + r.height > best_bottom) {
                best_bottom = r.y + r.height;
                after = k;
            }
        }
        const bool near = after >= 0 && b.y - best_bottom < 2 * b.height;
        line.paragraph = near ? result[after].paragraph : next_paragraph++;
        line.block = after >= 0 ? result[after].block : 0;
        note(page, "added", "text only the second reading found", "", line.text(), b);
        result.insert(result.begin() + (after + 1), std::move(line));
        ++added;
    }
    page.lines = std::move(result);
    for (Line& line : page.lines) line.quality = line_quality(line, lexicon, quality);
    if (taken_second + added > 0 || kept_first > 0)
        note(page, "measured",
             fmt::format("{} line groups kept from the first reading, {} taken from the second, "
                         "{} lines added, {} words offered as alternatives",
                         kept_first, taken_second, added, offered),
             "", "", {});
}

}  // namespace scanfix
