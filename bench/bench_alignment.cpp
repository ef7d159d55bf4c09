// Alignment time for 10 KB, 100 KB and 1 MB Russian-like page pairs with about 5% character
// errors: the grapheme alignment alone, and the whole evaluate() (normalise, segment, align
// characters and words). Results in docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "scanfix/eval/graphemes.hpp"
#include "scanfix/eval/metrics.hpp"

using namespace scanfix::eval;

namespace {

// Typewritten-Russian-looking (or German-looking: mostly one byte per character, so about
// twice the characters per megabyte) text: words from syllables, punctuation, line breaks.
std::string make_reference(size_t bytes, std::mt19937& rng, bool latin) {
    static const std::vector<const char*> cyrillic = {
        "про", "ка", "ни", "сто", "ре", "ва", "ло", "ми", "де", "ль", "ство", "на", "ог", "ти",
        "за",  "пе", "ры", "ску", "ю",  "щи", "го", "ле", "ен", "ом", "ии",   "ё",  "й"};
    static const std::vector<const char*> german = {
        "ver", "ge", "ein", "sch", "ung", "en", "der", "ach", "ter", "rei", "st", "au",
        "ich", "be", "zu",  "lan", "de",  "ie", "mit", "ß",   "ü",   "ten", "hei"};
    const auto& syllables = latin ? german : cyrillic;
    std::uniform_int_distribution<int> syl(0, int(syllables.size()) - 1), len(1, 4), punct(0, 12);
    std::string s;
    size_t line = 0;
    while (s.size() < bytes) {
        for (int k = len(rng); k > 0; --k) s += syllables[syl(rng)];
        int p = punct(rng);
        s += p == 0 ? "," : p == 1 ? "." : "";
        if (s.size() - line > 70) {
            s += '\n';
            line = s.size();
        } else {
            s += ' ';
        }
    }
    return s;
}

// About `rate` of the grapheme clusters substituted, deleted or doubled.
std::string corrupt(const std::string& text, double rate, std::mt19937& rng) {
    SymbolTable table;
    GraphemeText g = split_graphemes(text, table);
    static const char* replacements[] = {"п", "и", "н", "о", "0", "з", "e", "c", "1"};
    std::uniform_real_distribution<double> u(0, 1);
    std::uniform_int_distribution<int> rep(0, 8);
    std::string out;
    for (size_t i = 0; i < g.size(); ++i) {
        double r = u(rng);
        if (r < rate / 2)
            out += replacements[rep(rng)];
        else if (r < 3 * rate / 4)
            continue;
        else if (r < rate)
            out += std::string(g.cluster(i)) + replacements[rep(rng)];
        else
            out += g.cluster(i);
    }
    return out;
}

struct Pair {
    GraphemeText reference, hypothesis;
    std::string ref_text, hyp_text;
};

Pair make_pair(size_t bytes, bool latin = false) {
    std::mt19937 rng{static_cast<unsigned>(bytes)};
    Pair p;
    p.ref_text = make_reference(bytes, rng, latin);
    p.hyp_text = corrupt(p.ref_text, 0.05, rng);
    SymbolTable table(true);
    p.reference = split_graphemes(p.ref_text, table);
    p.hypothesis = split_graphemes(p.hyp_text, table);
    return p;
}

void BM_Align(benchmark::State& state) {
    Pair p = make_pair(size_t(state.range(0)));
    size_t cost = 0;
    for (auto _ : state) {
        Alignment a = align(p.reference.symbols, p.hypothesis.symbols);
        cost = a.cost();
        benchmark::DoNotOptimize(a.ops.data());
    }
    state.counters["graphemes"] = double(p.reference.size());
    state.counters["cer"] = double(cost) / double(p.reference.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
}

void BM_AlignLatin(benchmark::State& state) {
    Pair p = make_pair(size_t(state.range(0)), true);
    size_t cost = 0;
    for (auto _ : state) {
        Alignment a = align(p.reference.symbols, p.hypothesis.symbols);
        cost = a.cost();
        benchmark::DoNotOptimize(a.ops.data());
    }
    state.counters["graphemes"] = double(p.reference.size());
    state.counters["cer"] = double(cost) / double(p.reference.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
}

void BM_AlignExact(benchmark::State& state) {
    Pair p = make_pair(size_t(state.range(0)));
    AlignOptions exact;
    exact.exact_cells = 0;
    for (auto _ : state) {
        Alignment a = align(p.reference.symbols, p.hypothesis.symbols, exact);
        benchmark::DoNotOptimize(a.ops.data());
    }
    state.counters["graphemes"] = double(p.reference.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
}

void BM_EditDistance(benchmark::State& state) {
    Pair p = make_pair(size_t(state.range(0)));
    for (auto _ : state)
        benchmark::DoNotOptimize(edit_distance(p.reference.symbols, p.hypothesis.symbols));
    state.counters["graphemes"] = double(p.reference.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
}

void BM_Evaluate(benchmark::State& state) {
    Pair p = make_pair(size_t(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(evaluate(p.ref_text, p.hyp_text).cer());
    state.counters["graphemes"] = double(p.reference.size());
    state.SetBytesProcessed(int64_t(state.iterations()) * state.range(0));
}

}  // namespace

BENCHMARK(BM_Align)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AlignLatin)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Evaluate)->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EditDistance)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AlignExact)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
