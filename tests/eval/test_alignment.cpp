// Alignment against an independent O(n*m) Levenshtein: thousands of short random cases, the
// bit-parallel distance across block boundaries, and the anchored path on long texts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "scanfix/eval/alignment.hpp"

using namespace scanfix::eval;

namespace {

// The textbook DP, kept deliberately naive: the oracle the fast code is checked against.
size_t plain_levenshtein(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
    std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
    for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
    for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
    for (size_t i = 1; i <= a.size(); ++i)
        for (size_t j = 1; j <= b.size(); ++j)
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                                d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    return d[a.size()][b.size()];
}

std::vector<uint32_t> random_text(std::mt19937& rng, size_t len, uint32_t alphabet) {
    std::uniform_int_distribution<uint32_t> sym(0, alphabet - 1);
    std::vector<uint32_t> s(len);
    for (auto& c : s) c = 0x430 + sym(rng);
    return s;
}

// A copy of `s` with about `rate` of its symbols substituted, deleted or followed by an insertion.
std::vector<uint32_t> corrupt(std::mt19937& rng, const std::vector<uint32_t>& s, double rate,
                              uint32_t alphabet) {
    std::uniform_real_distribution<double> u(0, 1);
    std::uniform_int_distribution<uint32_t> sym(0, alphabet - 1);
    std::vector<uint32_t> out;
    for (uint32_t c : s) {
        double r = u(rng);
        if (r < rate / 3) {
            out.push_back(0x430 + sym(rng));
        } else if (r < 2 * rate / 3) {
            continue;
        } else if (r < rate) {
            out.push_back(c);
            out.push_back(0x430 + sym(rng));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

// Replays an alignment and checks it is a valid edit script of a into b with the stated counts.
void check_script(const Alignment& al, const std::vector<uint32_t>& a,
                  const std::vector<uint32_t>& b) {
    size_t i = 0, j = 0, cost = 0;
    for (EditOp op : al.ops) {
        switch (op) {
            case EditOp::Match:
                REQUIRE(i < a.size());
                REQUIRE(j < b.size());
                REQUIRE(a[i] == b[j]);
                ++i, ++j;
                break;
            case EditOp::Substitute:
                REQUIRE(i < a.size());
                REQUIRE(j < b.size());
                REQUIRE(a[i] != b[j]);
                ++i, ++j, ++cost;
                break;
            case EditOp::Delete:
                REQUIRE(i < a.size());
                ++i, ++cost;
                break;
            case EditOp::Insert:
                REQUIRE(j < b.size());
                ++j, ++cost;
                break;
        }
    }
    REQUIRE(i == a.size());
    REQUIRE(j == b.size());
    REQUIRE(cost == al.cost());
}

}  // namespace

TEST_CASE("eval: distance and alignment agree with a plain Levenshtein on random short strings") {
    std::mt19937 rng(12345);
    std::uniform_int_distribution<size_t> len(0, 40);
    std::uniform_int_distribution<uint32_t> alpha(1, 6);
    for (int round = 0; round < 3000; ++round) {
        uint32_t alphabet = alpha(rng);
        auto a = random_text(rng, len(rng), alphabet);
        auto b =
            (round % 2) ? corrupt(rng, a, 0.3, alphabet) : random_text(rng, len(rng), alphabet);
        size_t expected = plain_levenshtein(a, b);
        REQUIRE(edit_distance(a, b) == expected);
        Alignment al = align(a, b);
        REQUIRE(al.cost() == expected);
        REQUIRE(al.exact);
        check_script(al, a, b);
    }
}

TEST_CASE("eval: bit-parallel distance is right across 64-symbol block boundaries") {
    std::mt19937 rng(777);
    for (size_t n : {63u, 64u, 65u, 127u, 128u, 129u, 300u}) {
        for (int round = 0; round < 20; ++round) {
            auto a = random_text(rng, n, 4);
            auto b = corrupt(rng, a, 0.2, 4);
            size_t expected = plain_levenshtein(a, b);
            REQUIRE(edit_distance(a, b) == expected);
            REQUIRE(edit_distance(b, a) == expected);
            // Hirschberg splits (leaves are small, so force the divide and conquer path too)
            Alignment al = align(a, b, AlignOptions{0, 12});
            REQUIRE(al.cost() == expected);
            check_script(al, a, b);
        }
    }
}

TEST_CASE("eval: Hirschberg alignment of longer texts has the exact distance") {
    std::mt19937 rng(4242);
    auto a = random_text(rng, 3000, 30);
    auto b = corrupt(rng, a, 0.1, 30);
    Alignment al = align(a, b, AlignOptions{0, 12});
    CHECK(al.exact);
    CHECK(al.cost() == edit_distance(a, b));
    check_script(al, a, b);
}

TEST_CASE("eval: anchored alignment of long texts matches the exact distance") {
    std::mt19937 rng(99);
    int off_by = 0;
    for (int round = 0; round < 10; ++round) {
        auto a = random_text(rng, 20000, 33);
        auto b = corrupt(rng, a, 0.05, 33);
        AlignOptions anchored;
        anchored.exact_cells = 1e6;  // force anchors at this size
        Alignment al = align(a, b, anchored);
        check_script(al, a, b);
        CHECK_FALSE(al.exact);
        size_t exact = edit_distance(a, b);
        REQUIRE(al.cost() >= exact);
        off_by += int(al.cost() - exact);
    }
    // Anchors are unique 12-grams: they can only cost optimality in rare tie situations.
    CHECK(off_by <= 2);
}

TEST_CASE("eval: alignment handles empty sides and texts without any common symbol") {
    std::vector<uint32_t> empty, abc = {1, 2, 3}, xyz = {7, 8, 9, 10};
    CHECK(align(empty, empty).ops.empty());
    CHECK(align(abc, empty).deletions == 3);
    CHECK(align(empty, abc).insertions == 3);
    Alignment al = align(abc, xyz);
    CHECK(al.cost() == 4);
    CHECK(al.substitutions == 3);
    CHECK(al.insertions == 1);
}

TEST_CASE("eval: large alphabets (word alignment) give the exact distance") {
    std::mt19937 rng(2024);
    for (int round = 0; round < 20; ++round) {
        auto a = random_text(rng, 300, 5000);
        auto b = corrupt(rng, a, 0.2, 5000);
        size_t expected = plain_levenshtein(a, b);
        CHECK(edit_distance(a, b) == expected);
        Alignment al = align(a, b, AlignOptions{0, 12});
        CHECK(al.cost() == expected);
        check_script(al, a, b);
    }
}

TEST_CASE("eval: 200 KB of one line typed again and again aligns in pieces, at the true cost") {
    // No k-gram is unique in such a text, so there are no anchors; it used to be aligned
    // exactly, n x m cells (2.5 MB took minutes). Now it is cut along the diagonal.
    const std::string line = "TELEGRAM 1949 No. 12345 to the archive, copy of the report\n";
    std::vector<uint32_t> a;
    while (a.size() < 200000)
        for (char c : line) a.push_back(uint32_t(static_cast<unsigned char>(c)));
    std::vector<uint32_t> b = a;
    size_t edits = 0;
    for (size_t i = 100; i < b.size(); i += 997, ++edits) b[i] = 'x';  // on cuts too
    for (long i = long(b.size()) - 1000; i > 1000; i -= 30011) {
        b.erase(b.begin() + i, b.begin() + i + 25);  // a piece of a line lost
        b.insert(b.begin() + i - 300, '#');          // a speck read as a letter
        edits += 26;
    }
    Alignment al = align(a, b);
    check_script(al, a, b);
    CHECK_FALSE(al.exact);
    // Every edit made is found, and the cuts add nothing (the true distance is at most `edits`).
    CHECK(al.cost() <= edits);
    CHECK(al.cost() + 10 >= edits);
}
