// Hot kernels of a page run, on one core: binarisation (Sauvola, Wolf, Otsu) of a flattened
// 300 dpi A4 page next to Leptonica's tiled Sauvola (what Tesseract's thresholding_method=2
// runs) on the same page, despeckle of the binary page, and lexicon look-ups (known words, and
// hunspell suggestions for misread ones). Results with the machine they came from go in
// docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <leptonica/allheaders.h>

#include <fstream>
#include <opencv2/core/utility.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "scanfix/ocr/despeckle.hpp"
#include "scanfix/ocr/illumination.hpp"

namespace {

constexpr int kDpi = 300;

// The heavy sample page (2502 × 3524 px), grey and flattened as the pipeline gives it to the
// binariser, with the character height the pipeline would measure.
struct FlatPage {
    cv::Mat gray;
    int character_height = 0;
};

const FlatPage& flat_page() {
    static const FlatPage page = [] {
        FlatPage p;
        cv::Mat gray = cv::imread(std::string(SCANFIX_SOURCE_DIR) + "/samples/protocol.jpg",
                                  cv::IMREAD_GRAYSCALE);
        if (gray.empty()) throw std::runtime_error("samples/protocol.jpg not readable");
        scanfix::IlluminationParams ip;
        p.gray =
            scanfix::divide_background(gray, scanfix::estimate_paper_background(gray, kDpi, ip));
        cv::Mat otsu;
        cv::threshold(p.gray, otsu, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
        p.character_height = scanfix::estimate_character_height(otsu, kDpi);
        return p;
    }();
    return page;
}

void set_page_counters(benchmark::State& state, const cv::Mat& m) {
    state.counters["Mpx/s"] = benchmark::Counter(
        double(m.total()) * 1e-6 * double(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_binarize(benchmark::State& state, const std::string& method) {
    const FlatPage& page = flat_page();
    scanfix::BinarizeParams p;
    p.method = method;
    for (auto _ : state)
        benchmark::DoNotOptimize(scanfix::binarize(page.gray, p, page.character_height));
    set_page_counters(state, page.gray);
    state.counters["window"] = scanfix::binarize_window(p, page.character_height);
}
BENCHMARK_CAPTURE(BM_binarize, sauvola, std::string("sauvola"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_binarize, wolf, std::string("wolf"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_binarize, otsu, std::string("otsu"))->Unit(benchmark::kMillisecond);

// Leptonica's pixSauvolaBinarizeTiled on the same page with the same window and k, one tile
// (Tesseract's own Sauvola path); the copy into a Pix is outside the timing.
void BM_leptonica_sauvola(benchmark::State& state) {
    const FlatPage& page = flat_page();
    scanfix::BinarizeParams p;
    const int window = scanfix::binarize_window(p, page.character_height);
    Pix* pix = pixCreate(page.gray.cols, page.gray.rows, 8);
    for (int y = 0; y < page.gray.rows; ++y)
        for (int x = 0; x < page.gray.cols; ++x) pixSetPixel(pix, x, y, page.gray.at<uchar>(y, x));
    for (auto _ : state) {
        Pix* binary = nullptr;
        pixSauvolaBinarizeTiled(pix, window / 2, float(p.k), 1, 1, nullptr, &binary);
        benchmark::DoNotOptimize(binary);
        pixDestroy(&binary);
    }
    pixDestroy(&pix);
    set_page_counters(state, page.gray);
    state.counters["window"] = window;
}
BENCHMARK(BM_leptonica_sauvola)->Unit(benchmark::kMillisecond);

// Despeckle of the Sauvola page with speckle added (dust: 1–3 px dots, 4000 of them); the
// copy of the page before each pass is outside the timing.
void BM_despeckle(benchmark::State& state) {
    const FlatPage& page = flat_page();
    cv::Mat binary = scanfix::binarize(page.gray, scanfix::BinarizeParams{}, page.character_height);
    cv::RNG rng(7);
    for (int i = 0; i < 4000; ++i)
        cv::circle(binary, {rng.uniform(0, binary.cols), rng.uniform(0, binary.rows)},
                   rng.uniform(0, 2), cv::Scalar(0), cv::FILLED);
    scanfix::DespeckleParams p;
    size_t removed = 0;
    for (auto _ : state) {
        state.PauseTiming();
        cv::Mat work = binary.clone();
        state.ResumeTiming();
        removed = scanfix::despeckle(work, page.character_height, p).size();
        benchmark::DoNotOptimize(work.data);
    }
    set_page_counters(state, binary);
    state.counters["removed"] = double(removed);
}
BENCHMARK(BM_despeckle)->Unit(benchmark::kMillisecond);

// The words of the seed transcription (a real cipher telegram), in order.
std::vector<std::string> seed_words() {
    std::ifstream in(std::string(SCANFIX_SOURCE_DIR) + "/tests/data/seed.gt.txt");
    std::vector<std::string> words;
    std::string w;
    while (in >> w) words.push_back(w);
    return words;
}

std::shared_ptr<const scanfix::Lexicon> russian_lexicon() {
    scanfix::LexiconOptions o;
    o.language = "rus";
    o.dictionaries_dir = scanfix::dictionaries_dir();
    return scanfix::Lexicon::load(o);
}

// knows() over running text (known words, numbers, punctuation-wrapped words) the lexicon has
// seen before: the answer comes from its cache, as for every repeated word of a document.
void BM_lexicon_knows(benchmark::State& state) {
    auto lexicon = russian_lexicon();
    const std::vector<std::string> words = seed_words();
    size_t known = 0;
    for (auto _ : state) {
        known = 0;
        for (const std::string& w : words) known += lexicon->knows(w);
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(words.size()));
    state.counters["known_share"] = words.empty() ? 0.0 : double(known) / double(words.size());
}
BENCHMARK(BM_lexicon_knows)->Unit(benchmark::kMicrosecond);

// knows() on words the lexicon has never seen (one hunspell spell() each): seed words with two
// Cyrillic letters appended, each asked once over all repetitions (the lexicon instance, and
// its cache, is shared for the whole program).
void BM_lexicon_knows_first_time(benchmark::State& state) {
    auto lexicon = russian_lexicon();
    static const std::vector<std::string> words = [] {
        std::vector<std::string> all;
        const std::string letters = "абвгдежзийклмнопрстуфхцчшщыьэюя";
        for (size_t a = 0; a < letters.size(); a += 2)
            for (size_t b = 0; b < letters.size(); b += 2)
                for (const std::string& w : seed_words())
                    all.push_back(w + letters.substr(a, 2) + letters.substr(b, 2));
        return all;
    }();
    static size_t next = 0;
    for (auto _ : state) {
        if (next == words.size()) {
            state.SkipWithError("ran out of unseen words");
            break;
        }
        benchmark::DoNotOptimize(lexicon->knows(words[next++]));
    }
    state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_lexicon_knows_first_time)->Iterations(20000)->Unit(benchmark::kMicrosecond);

// suggest() for misread words: each seed word of five letters or more with one letter replaced
// by a typical OCR confusion (о→0, е→с, и→н).
void BM_lexicon_suggest(benchmark::State& state) {
    auto lexicon = russian_lexicon();
    std::vector<std::string> misread;
    for (const std::string& w : seed_words()) {
        if (w.size() < 10 || misread.size() >= 50) continue;  // 5+ Cyrillic letters
        std::string m = w;
        for (auto [from, to] :
             {std::pair<std::string, std::string>{"о", "0"}, {"е", "с"}, {"и", "н"}}) {
            size_t at = m.find(from, 2);
            if (at != std::string::npos) {
                m.replace(at, from.size(), to);
                break;
            }
        }
        if (m != w) misread.push_back(m);
    }
    for (auto _ : state)
        for (const std::string& w : misread) benchmark::DoNotOptimize(lexicon->suggest(w));
    state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(misread.size()));
}
BENCHMARK(BM_lexicon_suggest)->Unit(benchmark::kMillisecond);

}  // namespace

// One core, like a batch worker (scanfix run -j sets OpenCV to one thread per worker).
int main(int argc, char** argv) {
    cv::setNumThreads(1);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
