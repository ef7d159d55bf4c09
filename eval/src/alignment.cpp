// Edit distance and alignment; see alignment.hpp. Three layers:
//  - score_row: the bit-parallel (Myers 1999, Hyyrö 2003) computation of one DP row;
//  - align_exact: Hirschberg's linear-space divide and conquer on top of score_row, with a
//    small full-matrix DP at the leaves;
//  - align_anchored: for problems too large to align exactly in reasonable time, cut at
//    k-grams unique in both texts (longest increasing chain, as patience diff) and recurse.
#include "scanfix/eval/alignment.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <utility>

namespace scanfix::eval {

namespace {

using Id = uint32_t;  // dense symbol number in [0, sigma)
using Word = uint64_t;
constexpr Word kHighBit = Word(1) << 63;
// Leaves of the divide and conquer up to this many cells use a full DP matrix (64 KB).
constexpr size_t kSmallCells = size_t(1) << 14;

// Maps the symbols of both sequences to 0..sigma-1 so the match-mask table stays small.
struct DenseTexts {
    std::vector<Id> a, b;
    size_t sigma = 0;
};

DenseTexts densify(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    DenseTexts d;
    constexpr uint32_t kDirect = 0x800;  // Latin, Greek and Cyrillic without hashing
    std::vector<Id> direct(kDirect, Id(-1));
    std::unordered_map<uint32_t, Id> other;
    auto id = [&](uint32_t s) -> Id {
        if (s < kDirect) {
            if (direct[s] == Id(-1)) direct[s] = Id(d.sigma++);
            return direct[s];
        }
        auto [it, added] = other.emplace(s, Id(d.sigma));
        if (added) ++d.sigma;
        return it->second;
    };
    d.a.reserve(a.size());
    d.b.reserve(b.size());
    for (uint32_t s : a) d.a.push_back(id(s));
    for (uint32_t s : b) d.b.push_back(id(s));
    return d;
}

// One 64-row block of one column (Hyyrö's formulation as in edlib). `hin` is the horizontal
// delta entering at the block's top row; returns the delta leaving at row `out_bit`.
inline int advance_block(Word& pv, Word& mv, Word eq, int hin, Word out_bit) {
    Word hin_neg = Word(hin < 0);
    Word xv = eq | mv;
    eq |= hin_neg;
    Word xh = (((eq & pv) + pv) ^ pv) | eq;
    Word ph = mv | ~(xh | pv);
    Word mh = pv & xh;
    int hout = int((ph & out_bit) != 0) - int((mh & out_bit) != 0);
    ph = (ph << 1) | Word(hin > 0);
    mh = (mh << 1) | hin_neg;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    return hout;
}

// Scratch shared by one alignment: which match-mask row each symbol uses in the current
// score_row call. Kept all zero between calls, so a call costs O(pattern), not O(alphabet)
// (word alignments have alphabets of tens of thousands of words).
struct Workspace {
    explicit Workspace(size_t sigma) : row_of(sigma, 0) {}
    std::vector<uint32_t> row_of;  // 0 = the all-zero row (symbol not in the pattern)
};

// row[j] = edit distance between pat[0..n) and txt[0..j), for j = 0..m.
void score_row(const Id* pat, size_t n, const Id* txt, size_t m, Workspace& ws,
               std::vector<uint32_t>& row) {
    row.resize(m + 1);
    if (n == 0) {
        for (size_t j = 0; j <= m; ++j) row[j] = uint32_t(j);
        return;
    }
    const size_t blocks = (n + 63) / 64;
    uint32_t rows = 1;
    for (size_t i = 0; i < n; ++i)
        if (ws.row_of[pat[i]] == 0) ws.row_of[pat[i]] = rows++;
    std::vector<Word> peq(size_t(rows) * blocks, 0);
    for (size_t i = 0; i < n; ++i) peq[ws.row_of[pat[i]] * blocks + i / 64] |= Word(1) << (i % 64);
    std::vector<uint32_t> text_rows(m);
    for (size_t j = 0; j < m; ++j) text_rows[j] = ws.row_of[txt[j]];
    for (size_t i = 0; i < n; ++i) ws.row_of[pat[i]] = 0;
    std::vector<Word> pv(blocks, ~Word(0)), mv(blocks, 0);
    const Word last_bit = Word(1) << ((n - 1) % 64);
    uint32_t score = uint32_t(n);
    row[0] = score;
    for (size_t j = 0; j < m; ++j) {
        const Word* eq = &peq[text_rows[j] * blocks];
        int h = 1;  // the top row is D(0, j) = j
        for (size_t k = 0; k + 1 < blocks; ++k) h = advance_block(pv[k], mv[k], eq[k], h, kHighBit);
        h = advance_block(pv[blocks - 1], mv[blocks - 1], eq[blocks - 1], h, last_bit);
        score = uint32_t(int64_t(score) + h);
        row[j + 1] = score;
    }
}

void append(std::vector<EditOp>& out, EditOp op, size_t count) {
    out.insert(out.end(), count, op);
}

// Full-matrix DP with traceback, for small leaves only.
void align_small(const Id* a, size_t n, const Id* b, size_t m, std::vector<EditOp>& out) {
    const size_t w = m + 1;
    std::vector<uint32_t> d((n + 1) * w);
    for (size_t j = 0; j <= m; ++j) d[j] = uint32_t(j);
    for (size_t i = 1; i <= n; ++i) {
        uint32_t* row = &d[i * w];
        const uint32_t* up = row - w;
        row[0] = uint32_t(i);
        for (size_t j = 1; j <= m; ++j) {
            uint32_t diag = up[j - 1] + uint32_t(a[i - 1] != b[j - 1]);
            row[j] = std::min({diag, up[j] + 1, row[j - 1] + 1});
        }
    }
    // Traceback prefers the diagonal, so errors stay next to each other for the report.
    std::vector<EditOp> rev;
    rev.reserve(n + m);
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
        uint32_t here = d[i * w + j];
        if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && here == d[(i - 1) * w + j - 1]) {
            rev.push_back(EditOp::Match), --i, --j;
        } else if (i > 0 && j > 0 && here == d[(i - 1) * w + j - 1] + 1) {
            rev.push_back(EditOp::Substitute), --i, --j;
        } else if (i > 0 && here == d[(i - 1) * w + j] + 1) {
            rev.push_back(EditOp::Delete), --i;
        } else {
            rev.push_back(EditOp::Insert), --j;
        }
    }
    out.insert(out.end(), rev.rbegin(), rev.rend());
}

// Hirschberg: split a in half, find where b splits with one forward and one backward row.
void align_exact(const Id* a, size_t n, const Id* b, size_t m, Workspace& ws,
                 std::vector<EditOp>& out) {
    if (n == 0) return append(out, EditOp::Insert, m);
    if (m == 0) return append(out, EditOp::Delete, n);
    if (n == 1 || m == 1) {
        // One symbol against many: match it where it occurs, otherwise substitute the first.
        const Id* many = n == 1 ? b : a;
        size_t len = n == 1 ? m : n;
        Id one = n == 1 ? a[0] : b[0];
        EditOp extra = n == 1 ? EditOp::Insert : EditOp::Delete;
        size_t at = size_t(std::find(many, many + len, one) - many);
        if (at == len) {
            out.push_back(EditOp::Substitute);
            return append(out, extra, len - 1);
        }
        append(out, extra, at);
        out.push_back(EditOp::Match);
        return append(out, extra, len - at - 1);
    }
    if ((n + 1) * (m + 1) <= kSmallCells) return align_small(a, n, b, m, out);

    const size_t mid = n / 2;
    size_t split = 0;
    {
        std::vector<uint32_t> forward, backward;
        score_row(a, mid, b, m, ws, forward);
        std::vector<Id> ra(a + mid, a + n), rb(b, b + m);
        std::reverse(ra.begin(), ra.end());
        std::reverse(rb.begin(), rb.end());
        score_row(ra.data(), ra.size(), rb.data(), m, ws, backward);
        uint64_t best = uint64_t(-1);
        for (size_t j = 0; j <= m; ++j) {
            uint64_t total = uint64_t(forward[j]) + backward[m - j];
            if (total < best) best = total, split = j;
        }
    }
    align_exact(a, mid, b, split, ws, out);
    align_exact(a + mid, n - mid, b + split, m - split, ws, out);
}

struct Anchor {
    size_t a, b, length;
};

// Rolling hashes of all k-grams with their start, sorted by hash.
std::vector<std::pair<uint64_t, uint32_t>> kgram_hashes(const Id* s, size_t n, size_t k) {
    std::vector<std::pair<uint64_t, uint32_t>> h;
    if (n < k) return h;
    constexpr uint64_t kBase = 0x100000001B3ULL;
    uint64_t top = 1;  // kBase^(k-1)
    for (size_t i = 1; i < k; ++i) top *= kBase;
    uint64_t v = 0;
    h.reserve(n - k + 1);
    for (size_t i = 0; i < n; ++i) {
        if (i >= k) v -= (uint64_t(s[i - k]) + 1) * top;
        v = v * kBase + uint64_t(s[i]) + 1;
        if (i + 1 >= k) h.emplace_back(v, uint32_t(i + 1 - k));
    }
    std::sort(h.begin(), h.end());
    return h;
}

// k-grams occurring exactly once in each text, the longest chain of them in the same order in
// both, overlapping neighbours on one diagonal merged.
std::vector<Anchor> find_anchors(const Id* a, size_t n, const Id* b, size_t m, size_t k) {
    auto ha = kgram_hashes(a, n, k), hb = kgram_hashes(b, m, k);
    std::vector<std::pair<uint32_t, uint32_t>> pairs;  // (position in a, position in b)
    auto unique_at = [](const auto& h, size_t i) {
        return (i == 0 || h[i - 1].first != h[i].first) &&
               (i + 1 == h.size() || h[i + 1].first != h[i].first);
    };
    for (size_t i = 0, j = 0; i < ha.size() && j < hb.size();) {
        if (ha[i].first < hb[j].first) {
            ++i;
        } else if (hb[j].first < ha[i].first) {
            ++j;
        } else {
            uint64_t h = ha[i].first;
            if (unique_at(ha, i) && unique_at(hb, j) &&
                std::equal(a + ha[i].second, a + ha[i].second + k, b + hb[j].second))
                pairs.emplace_back(ha[i].second, hb[j].second);
            while (i < ha.size() && ha[i].first == h) ++i;
            while (j < hb.size() && hb[j].first == h) ++j;
        }
    }
    ha = {};
    hb = {};
    std::sort(pairs.begin(), pairs.end());

    // Longest chain increasing in b (patience sorting with back links).
    std::vector<size_t> tails, back(pairs.size(), size_t(-1));
    for (size_t i = 0; i < pairs.size(); ++i) {
        auto pos = std::lower_bound(tails.begin(), tails.end(), pairs[i].second,
                                    [&](size_t t, uint32_t v) { return pairs[t].second < v; });
        if (pos != tails.begin()) back[i] = *(pos - 1);
        if (pos == tails.end())
            tails.push_back(i);
        else
            *pos = i;
    }
    std::vector<size_t> chain;
    for (size_t i = tails.empty() ? size_t(-1) : tails.back(); i != size_t(-1); i = back[i])
        chain.push_back(i);
    std::reverse(chain.begin(), chain.end());

    std::vector<Anchor> anchors;
    for (size_t c : chain) {
        size_t pa = pairs[c].first, pb = pairs[c].second;
        if (!anchors.empty()) {
            Anchor& last = anchors.back();
            size_t end_a = last.a + last.length, end_b = last.b + last.length;
            if (pa < end_a || pb < end_b) {
                if (pa - last.a == pb - last.b) last.length = pa + k - last.a;  // same diagonal
                continue;
            }
        }
        anchors.push_back({pa, pb, k});
    }
    return anchors;
}

// The start in b[lo, hi) nearest to `near` whose next `len` symbols differ from a[0..len) in
// at most an eighth of them (a reading error or two on the cut is no reason to move it by a
// line of a repeated text), else the one that differs least.
size_t best_cut(const Id* a, size_t len, const Id* b, size_t lo, size_t hi, size_t near) {
    size_t best = near, best_misses = len + 1;
    auto misses = [&](size_t j) {
        size_t count = 0;
        for (size_t i = 0; i < len && count < best_misses; ++i) count += a[i] != b[j + i];
        return count;
    };
    for (size_t d = 0; near >= lo + d || near + d + len <= hi; ++d) {
        for (int side = 0; side < (d == 0 ? 1 : 2); ++side) {
            if (side == 1 && d > near) continue;
            const size_t j = side == 0 ? near + d : near - d;
            if (j < lo || j + len > hi) continue;
            if (size_t c = misses(j); c < best_misses) {
                best = j, best_misses = c;
                if (c <= len / 8) return best;
            }
        }
    }
    return best;
}

// Texts with no k-gram unique in both (a line typed again and again, a table of the same
// figures) give no anchors, and aligning them exactly takes n x m cells: 2.5 MB of repeated
// lines took minutes. They are cut along the diagonal into pieces, each cut in `b` placed
// where the 4k symbols after the cut in `a` differ least, nearest to the proportional position
// (a repeated line is cut at the same line in both, even when an error falls on the cut), and
// each piece is aligned exactly: time linear in the length, the result an upper bound as with
// anchors.
void align_in_pieces(const Id* a, size_t n, const Id* b, size_t m, Workspace& ws,
                     const AlignOptions& options, size_t k, std::vector<EditOp>& out) {
    const double ratio = double(m) / double(n);
    // A quarter of the side an exact piece could have: the time is n x piece cells.
    const size_t piece =
        std::max(size_t(std::sqrt(options.exact_cells / std::max(ratio, 1e-9)) / 4), 16 * k);
    const size_t context = 4 * k;  // symbols compared at each cut
    size_t pa = 0, pb = 0;
    while (n - pa > piece + piece / 2 && pb < m) {
        const size_t ca = pa + piece;
        const size_t near = std::min(m, pb + size_t(double(piece) * ratio));
        const size_t window = std::max<size_t>(size_t(double(piece) * ratio) / 4, k);
        const size_t lo = std::max(pb, near > window ? near - window : 0);
        const size_t hi = std::min(m, near + window + context);
        const size_t cb = best_cut(a + ca, std::min(context, n - ca), b, lo, hi, near);
        align_exact(a + pa, ca - pa, b + pb, cb - pb, ws, out);
        pa = ca, pb = cb;
    }
    align_exact(a + pa, n - pa, b + pb, m - pb, ws, out);
}

void align_anchored(const Id* a, size_t n, const Id* b, size_t m, Workspace& ws,
                    const AlignOptions& options, size_t k, std::vector<EditOp>& out, bool& exact) {
    size_t prefix = 0;
    while (prefix < n && prefix < m && a[prefix] == b[prefix]) ++prefix;
    append(out, EditOp::Match, prefix);
    a += prefix, b += prefix, n -= prefix, m -= prefix;
    size_t suffix = 0;
    while (suffix < n && suffix < m && a[n - 1 - suffix] == b[m - 1 - suffix]) ++suffix;
    n -= suffix, m -= suffix;

    if (double(n) * double(m) <= options.exact_cells || n < k || m < k) {
        align_exact(a, n, b, m, ws, out);
    } else if (auto anchors = find_anchors(a, n, b, m, k); !anchors.empty()) {
        exact = false;
        size_t pa = 0, pb = 0;
        for (const Anchor& anchor : anchors) {
            align_anchored(a + pa, anchor.a - pa, b + pb, anchor.b - pb, ws, options, k, out,
                           exact);
            append(out, EditOp::Match, anchor.length);
            pa = anchor.a + anchor.length, pb = anchor.b + anchor.length;
        }
        align_anchored(a + pa, n - pa, b + pb, m - pb, ws, options, k, out, exact);
    } else if (k > 4) {
        align_anchored(a, n, b, m, ws, options, k / 2, out, exact);
    } else if (double(n) * double(m) > 4 * options.exact_cells) {
        exact = false;
        align_in_pieces(a, n, b, m, ws, options, size_t(std::max(options.anchor_length, 4)), out);
    } else {
        align_exact(a, n, b, m, ws, out);
    }
    append(out, EditOp::Match, suffix);
}

}  // namespace

size_t edit_distance(const std::vector<uint32_t>& reference,
                     const std::vector<uint32_t>& hypothesis) {
    DenseTexts d = densify(reference, hypothesis);
    // The shorter text is the bit-parallel pattern: fewer blocks per column, smaller tables.
    const std::vector<Id>& pat = d.a.size() <= d.b.size() ? d.a : d.b;
    const std::vector<Id>& txt = d.a.size() <= d.b.size() ? d.b : d.a;
    std::vector<uint32_t> row;
    Workspace ws(d.sigma);
    score_row(pat.data(), pat.size(), txt.data(), txt.size(), ws, row);
    return row.back();
}

Alignment align(const std::vector<uint32_t>& reference, const std::vector<uint32_t>& hypothesis,
                const AlignOptions& options) {
    DenseTexts d = densify(reference, hypothesis);
    Alignment result;
    Workspace ws(d.sigma);
    result.ops.reserve(reference.size() + hypothesis.size() / 16);
    if (options.exact_cells <= 0) {
        align_exact(d.a.data(), d.a.size(), d.b.data(), d.b.size(), ws, result.ops);
    } else {
        size_t k = size_t(std::max(options.anchor_length, 4));
        align_anchored(d.a.data(), d.a.size(), d.b.data(), d.b.size(), ws, options, k, result.ops,
                       result.exact);
    }
    for (EditOp op : result.ops) {
        switch (op) {
            case EditOp::Match:
                ++result.matches;
                break;
            case EditOp::Substitute:
                ++result.substitutions;
                break;
            case EditOp::Delete:
                ++result.deletions;
                break;
            case EditOp::Insert:
                ++result.insertions;
                break;
        }
    }
    return result;
}

}  // namespace scanfix::eval
