// Lines split off into blocks of their own go back to their place; see line_order.hpp.
#include "scanfix/ocr/line_order.hpp"
#include "scanfix/core/box_overlap.hpp"

#include <algorithm>
#include <map>

namespace scanfix {
namespace {

// Does block `inner` sit inside block `outer`: within its height (a line above its last line
// and below its first) and mostly within its width?
bool inside(const cv::Rect& inner, const cv::Rect& outer) {
    const int centre = inner.y + inner.height / 2;
    return centre > outer.y && centre < outer.y + outer.height &&
           horizontal_overlap(inner, outer) >= 0.5 * inner.width;
}

}  // namespace

int restore_line_order(std::vector<Line>& lines, size_t from) {
    if (from >= lines.size()) return 0;
    // Blocks of the area, in their order of first appearance, with the lines each holds.
    std::vector<int> order;
    std::map<int, std::vector<Line>> blocks;
    std::map<int, cv::Rect> boxes;
    for (size_t i = from; i < lines.size(); ++i) {
        Line& line = lines[i];
        if (!blocks.count(line.block)) order.push_back(line.block);
        if (line.has_box())
            boxes[line.block] = boxes.count(line.block) ? (boxes[line.block] | line.box) : line.box;
        blocks[line.block].push_back(std::move(line));
    }
    lines.resize(from);
    if (order.size() < 2) {
        for (Line& l : blocks[order.front()]) lines.push_back(std::move(l));
        return 0;
    }
    // Each small block goes into the largest block it sits inside (more lines, then larger).
    std::map<int, int> host;
    for (int b : order) {
        if (!boxes.count(b)) continue;
        int best = -1;
        for (int a : order) {
            if (a == b || !boxes.count(a) || blocks[a].size() <= blocks[b].size()) continue;
            if (!inside(boxes[b], boxes[a])) continue;
            if (best < 0 || blocks[a].size() > blocks[best].size()) best = a;
        }
        if (best >= 0) host[b] = best;
    }
    // A block inside a block that is itself inside another goes to the outermost one (hosts
    // hold strictly more lines, so the chain ends).
    for (auto& [guest, h] : host)
        while (host.count(h)) h = host[h];
    int moved = 0;
    for (int b : order) {
        if (host.count(b)) continue;  // read with its host
        std::vector<Line> merged = std::move(blocks[b]);
        for (int guest : order) {
            if (!host.count(guest) || host[guest] != b) continue;
            for (Line& l : blocks[guest]) {
                // At its own height: before the first line of the host that starts below it.
                auto at = std::find_if(merged.begin(), merged.end(), [&](const Line& m) {
                    return m.has_box() && m.box.y + m.box.height / 2 > l.box.y + l.box.height / 2;
                });
                const Line* above = at == merged.begin() ? nullptr : &*(at - 1);
                l.block = b;
                if (above)
                    l.paragraph = above->paragraph;
                else if (at != merged.end())
                    l.paragraph = at->paragraph;
                merged.insert(at, std::move(l));
                ++moved;
            }
        }
        for (Line& l : merged) lines.push_back(std::move(l));
    }
    return moved;
}

}  // namespace scanfix
