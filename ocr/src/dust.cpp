// Dust judged by its place among the letters; see dust.hpp.
#include "scanfix/ocr/dust.hpp"
#include "scanfix/core/box_overlap.hpp"

#include <algorithm>
#include <cmath>

namespace scanfix {

namespace {

// The components of one kind, filed by the square cells of `cell` pixels their boxes touch.
class CellIndex {
  public:
    CellIndex(cv::Size page, int cell)
        : cell_(cell),
          cols_((page.width + cell - 1) / cell),
          rows_((page.height + cell - 1) / cell),
          cells_(size_t(cols_) * rows_) {}

    void add(int label, const cv::Rect& b) {
        for (size_t k : cells(b)) cells_[k].push_back(label);
    }
    // The labels filed in the cells that `area` touches, each once.
    std::vector<int> near(const cv::Rect& area) const {
        std::vector<int> found;
        for (size_t k : cells(area)) found.insert(found.end(), cells_[k].begin(), cells_[k].end());
        std::sort(found.begin(), found.end());
        found.erase(std::unique(found.begin(), found.end()), found.end());
        return found;
    }

  private:
    std::vector<size_t> cells(const cv::Rect& b) const {
        const int x0 = std::clamp(b.x / cell_, 0, cols_ - 1);
        const int x1 = std::clamp((b.x + b.width - 1) / cell_, 0, cols_ - 1);
        const int y0 = std::clamp(b.y / cell_, 0, rows_ - 1);
        const int y1 = std::clamp((b.y + b.height - 1) / cell_, 0, rows_ - 1);
        std::vector<size_t> k;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) k.push_back(size_t(y) * cols_ + x);
        return k;
    }

    int cell_, cols_, rows_;
    std::vector<std::vector<int>> cells_;
};

// Gap between two boxes along one axis (0 when they overlap).
int gap(int a0, int a1, int b0, int b1) {
    return std::max({0, b0 - a1, a0 - b1});
}

}  // namespace

std::vector<cv::Rect> find_dust(const InkComponents& c, int character_height, const DustParams& p,
                                const std::vector<uint8_t>& ignore, const cv::Rect& within,
                                std::vector<uint8_t>& dust) {
    dust.assign(c.count, 0);
    std::vector<cv::Rect> found;
    const int ch = std::max(4, character_height);
    const double limit = p.max_size * ch;
    CellIndex letters(c.labels.size(), ch), dots(c.labels.size(), ch);
    std::vector<int> judged;
    for (int i = 1; i < c.count; ++i) {
        if (i < int(ignore.size()) && ignore[i]) continue;
        const cv::Rect b = c.box(i);
        if (letter_sized(b, ch)) {
            letters.add(i, b);
        } else if (std::max(b.width, b.height) <= limit) {
            // Grain far smaller than a dot neither makes a group nor is judged here.
            if (std::max(b.width, b.height) * 10 < ch) continue;
            dots.add(i, b);
            if (b.width < p.dash_elongation * b.height && (b & within) == b) judged.push_back(i);
        }
    }
    const int beside = int(std::lround(p.beside_gap * ch));
    const int tolerance = int(std::lround(p.line_tolerance * ch));
    const int accent = int(std::lround(p.accent_gap * ch));
    const int group = int(std::lround(p.group_distance * ch));
    auto in_place = [&](const cv::Rect& d) {
        // The letters of the lines round the dot, a few letters either way.
        const cv::Rect around(d.x - 3 * ch, d.y - 2 * ch, d.width + 6 * ch, d.height + 4 * ch);
        const std::vector<int> near = letters.near(around);
        for (int l : near) {
            const cv::Rect b = c.box(l);
            const int dx = gap(d.x, d.x + d.width, b.x, b.x + b.width);
            const int dy = gap(d.y, d.y + d.height, b.y, b.y + b.height);
            if (dx == 0 && dy == 0) return true;  // within the letter's box: a piece of it
            // Above its letter (or just under it): an accent, a dot of «ё», «i» or «ä».
            if (dx == 0 && ((d.y < b.y && dy <= accent) || dy <= tolerance)) return true;
            if (dx > beside || d.y + d.height < b.y - ch / 2 || d.y > b.y + b.height + ch / 2)
                continue;
            // Beside a letter: punctuation only on the baseline or at the top of its line, as
            // the median of the letters in line with it says (descenders and capitals vary).
            std::vector<int> bottoms, tops;
            for (int o : near) {
                const cv::Rect ob = c.box(o);
                const int overlap = vertical_overlap(ob, b);
                if (overlap * 2 < std::min(ob.height, b.height)) continue;
                bottoms.push_back(ob.y + ob.height);
                tops.push_back(ob.y);
            }
            const int baseline = median_of(bottoms), top = median_of(tops);
            const int bottom = d.y + d.height;
            if (std::abs(bottom - baseline) <= tolerance) return true;          // full stop
            if (bottom > baseline && d.y <= baseline + tolerance) return true;  // comma
            // A quote or an apostrophe: at the top line, in the upper half of the line.
            if (d.y <= top + tolerance && 2 * bottom <= top + baseline) return true;
        }
        return false;
    };
    for (int i : judged) {
        const cv::Rect d = c.box(i);
        if (in_place(d)) continue;
        bool grouped = false;
        for (int o :
             dots.near({d.x - group, d.y - group, d.width + 2 * group, d.height + 2 * group}))
            if (o != i) {
                const cv::Rect ob = c.box(o);
                if (gap(d.x, d.x + d.width, ob.x, ob.x + ob.width) <= group &&
                    gap(d.y, d.y + d.height, ob.y, ob.y + ob.height) <= group)
                    grouped = true;
            }
        if (grouped) continue;
        dust[i] = 1;
        found.push_back(d);
    }
    return found;
}

}  // namespace scanfix
