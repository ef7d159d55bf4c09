// Text at right angles to the type, found by reading stacks of weak lines turned; see
// turned_text.hpp.
#include "scanfix/pipeline/turned_text.hpp"

#include <opencv2/core.hpp>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace scanfix {
namespace {

// Boxes less than `gap` apart both across and down.
bool near(const cv::Rect& a, const cv::Rect& b, int gap) {
    const int dx = std::max({0, b.x - (a.x + a.width), a.x - (b.x + b.width)});
    const int dy = std::max({0, b.y - (a.y + a.height), a.y - (b.y + b.height)});
    return dx < gap && dy < gap;
}

int root(std::vector<int>& parent, int i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

// How many words of the page are kept.
int kept_word_count(const Page& page) {
    int n = 0;
    for (const Line& line : page.lines)
        if (!line.removed)
            for (const Word& w : line.words) n += w.removed ? 0 : 1;
    return n;
}

std::string turned_words(const Page& turned) {
    std::string out;
    for (const Line& line : turned.lines) {
        const std::string text = line.text();
        if (!text.empty()) out += (out.empty() ? "" : " / ") + text;
    }
    return out;
}

// «…» around at most `limit` bytes of the text, cut at a space.
std::string quoted(const std::string& text, size_t limit) {
    if (text.size() <= limit) return "«" + text + "»";
    size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut == 0) cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return "«" + text.substr(0, cut) + " …»";
}

}  // namespace

std::vector<TurnedCandidate> find_turned_candidates(const Page& page, const TurnedTextParams& p) {
    std::vector<TurnedCandidate> found;
    const int gap = int(std::lround(p.join * page.character_height));
    if (gap <= 0) return found;
    std::vector<std::pair<int, int>> weak;
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        if (line.removed || !line.quality.known() || line.quality.score >= p.weak) continue;
        for (int wi = 0; wi < int(line.words.size()); ++wi)
            if (!line.words[wi].removed && line.words[wi].has_box()) weak.push_back({li, wi});
    }
    std::vector<int> parent(weak.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto box = [&](int i) { return page.lines[weak[i].first].words[weak[i].second].box; };
    for (size_t i = 0; i < weak.size(); ++i)
        for (size_t j = i + 1; j < weak.size(); ++j)
            if (near(box(int(i)), box(int(j)), gap))
                parent[root(parent, int(i))] = root(parent, int(j));
    std::vector<std::vector<int>> groups(weak.size());
    for (size_t i = 0; i < weak.size(); ++i) groups[root(parent, int(i))].push_back(int(i));
    for (const std::vector<int>& group : groups) {
        std::vector<int> lines;
        for (int i : group) lines.push_back(weak[i].first);
        std::sort(lines.begin(), lines.end());
        if (std::unique(lines.begin(), lines.end()) - lines.begin() < p.lines) continue;
        TurnedCandidate c;
        double plausible = 0;
        int characters = 0;
        for (int i : group) {
            c.words.push_back(weak[i]);
            c.box = c.box.area() > 0 ? (c.box | box(i)) : box(i);
            const Line& line = page.lines[weak[i].first];
            const Word& w = line.words[weak[i].second];
            const int n = counted_characters(w.text);
            // The line's estimate stands for each of its words: the same lexicon and weights.
            plausible += n * line.quality.score;
            characters += n;
        }
        c.upright = characters > 0 ? plausible / characters : 0;
        found.push_back(std::move(c));
    }
    return found;
}

int read_turned_text(Page& page, Recognizer& recognizer, const OcrParams& settings,
                     const Lexicon* lexicon, const QualityParams& quality,
                     const TurnedTextParams& p) {
    if (!p.enabled || page.gray.empty()) return 0;
    const std::vector<TurnedCandidate> candidates = find_turned_candidates(page, p);
    if (candidates.empty()) return 0;
    const int kept = kept_word_count(page);
    const cv::Rect whole(0, 0, page.gray.cols, page.gray.rows);
    OcrParams turned_settings = settings;
    turned_settings.input = "gray";
    turned_settings.by_region = false;
    turned_settings.psm = 6;
    int taken = 0;
    for (const TurnedCandidate& c : candidates) {
        // A page whose body is itself turned is for orientation detection, not for this.
        if (2 * int(c.words.size()) >= kept) continue;
        const int pad = page.character_height;
        const cv::Rect area =
            cv::Rect(c.box.x - pad, c.box.y - pad, c.box.width + 2 * pad, c.box.height + 2 * pad) &
            whole;
        if (area.area() <= 0) continue;
        Page best;
        ReadingQuality best_quality;
        for (int turn : {cv::ROTATE_90_CLOCKWISE, cv::ROTATE_90_COUNTERCLOCKWISE}) {
            Page turned;
            turned.source = page.source;
            turned.index = page.index;
            turned.dpi = page.dpi;
            cv::rotate(page.gray(area), turned.gray, turn);
            recognizer.recognize_with(turned, turned_settings);
            const ReadingQuality q = estimate_page_quality(turned, lexicon, quality);
            if (q.characters >= p.characters && q.score > best_quality.score) {
                best_quality = q;
                best = std::move(turned);
            }
        }
        const std::string says = turned_words(best);
        if (!best_quality.known() || best_quality.score < p.accept ||
            best_quality.score < c.upright + p.margin) {
            const std::string turned =
                best_quality.known()
                    ? fmt::format("with {:.2f}: {}", best_quality.score, quoted(says, 80))
                    : std::string("it holds too few letters");
            page.note({"turned_text", "kept",
                       fmt::format("read upright with plausibility {:.2f}; read turned {}",
                                   c.upright, turned),
                       "", "", -1, -1, c.box});
            continue;
        }
        const std::string reason =
            "text at right angles to the type (a stamp or a note), read "
            "turned: " +
            quoted(says, 80);
        for (const auto& [li, wi] : c.words) page.remove_word(li, wi, "turned_text", reason);
        page.regions.push_back({RegionKind::Stamp, c.box, "text at right angles: " + says});
        ++taken;
    }
    return taken;
}

}  // namespace scanfix
