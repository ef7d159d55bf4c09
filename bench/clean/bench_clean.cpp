// Throughput of the clean path (transcription → line model → cleanup stages → reading text), in
// MB/s on one thread, over text sizes; with all default stages and with the noise filters only.
// The text is the seed reference with page noise woven in (page numbers, cypher numbers, copy
// stamps, a margin column, specks), repeated to the size asked for.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/layout.hpp"

namespace {

std::string noisy_text(size_t bytes) {
    std::ifstream in(std::string(SCANFIX_SOURCE_DIR) + "/tests/data/seed.gt.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    std::vector<std::string> paragraphs;
    std::string line;
    while (std::getline(ss, line))
        if (!line.empty()) paragraphs.push_back(line);
    if (paragraphs.empty()) return {};
    const char* const noise[] = {"520745\n", "53 7/46\n1\nЭкз. №.....\n", "аб\nвг\nде\nжз\nик\n",
                                 "12.\n",    "слово ~ | слово\n",         "~~55-115~~ 48\n"};
    std::string text;
    for (size_t i = 0; text.size() < bytes; ++i) {
        text += paragraphs[i % paragraphs.size()] + "\n\n";
        if (i % 3 == 2) text += std::string(noise[(i / 3) % 6]) + "\n";
        if (i % 40 == 39) text += '\f';
    }
    return text;
}

void run(benchmark::State& state, bool filters_only) {
    const std::string text = noisy_text(size_t(state.range(0)) << 20);
    scanfix::Profile profile = scanfix::Profile::load("default", scanfix::profiles_dir());
    if (filters_only)
        profile.set_list("cleanup.stages", {"speckle", "margin_column", "page_number",
                                            "registration_number", "stamp", "marginalia"});
    scanfix::Context ctx;
    ctx.profile = &profile;
    ctx.data_dir = scanfix::data_dir();
    {  // Load the lexicon once before timing, as a long run would.
        scanfix::Document warm = scanfix::document_from_text("слово\n", "warm-up");
        scanfix::run_cleanup(warm, ctx);
    }
    for (auto _ : state) {
        scanfix::Document doc = scanfix::document_from_text(text, "bench");
        scanfix::run_cleanup(doc, ctx);
        std::string out = scanfix::render_text(doc, scanfix::Layout::Reading);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(text.size()));
}

void BM_clean_default_profile(benchmark::State& state) {
    run(state, false);
}
void BM_clean_filters_only(benchmark::State& state) {
    run(state, true);
}

}  // namespace

BENCHMARK(BM_clean_default_profile)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_clean_filters_only)->Arg(1)->Arg(8)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
