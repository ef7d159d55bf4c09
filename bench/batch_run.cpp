// Whole-run benchmark: the same pages through plain `tesseract` (the CLI, one process per page),
// `scanfix run -j1` and `scanfix run -j2`, in the same run, each repeated and reported as the
// median, with the ratios and each process's peak memory (wait4's ru_maxrss). Tesseract is
// single-threaded everywhere (OMP_THREAD_LIMIT=1), so -j counts cores. docs/benchmarks.md
// keeps a table from this program with the machine it came from.
#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "child_process.hpp"

namespace fs = std::filesystem;

using scanfix::bench::run_process;
using scanfix::bench::Sample;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Result {
    std::string name;
    std::vector<double> wall, cpu, peak;
};

std::string read_first_line(const std::string& path, const std::string& key) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return line.substr(line.find(':') + 2);
    return "?";
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "Whole-run benchmark: plain tesseract vs scanfix run -j1 vs -j2 on the same pages"};
    std::string scanfix = std::string(SCANFIX_BINARY_DIR) + "/tools/scanfix/scanfix";
    std::string pages_dir = std::string(SCANFIX_SOURCE_DIR) + "/samples";
    std::string lang = "rus";
    int copies = 4, reps = 3;
    app.add_option("--scanfix", scanfix, "scanfix binary");
    app.add_option("--pages", pages_dir, "Folder of page images (*.jpg, *.png, *.tif)");
    app.add_option("--copies", copies, "Copies of each page (more pages even out -j2's split)");
    app.add_option("--reps", reps, "Repetitions; medians are reported");
    app.add_option("-l,--lang", lang, "Tesseract language");
    CLI11_PARSE(app, argc, argv);
    ::setenv("OMP_THREAD_LIMIT", "1", 1);

    fs::path work = fs::temp_directory_path() / ("scanfix-bench-run-" + std::to_string(getpid()));
    fs::create_directories(work / "pages");
    std::vector<fs::path> pages;
    for (const auto& e : fs::directory_iterator(pages_dir)) {
        std::string ext = e.path().extension().string();
        if (ext == ".jpg" || ext == ".png" || ext == ".tif")
            for (int c = 0; c < copies; ++c) {
                fs::path copy =
                    work / "pages" / (e.path().stem().string() + "-c" + std::to_string(c) + ext);
                fs::copy_file(e.path(), copy, fs::copy_options::overwrite_existing);
                pages.push_back(copy);
            }
    }
    std::sort(pages.begin(), pages.end());
    if (pages.empty()) {
        fmt::print(stderr, "bench_batch_run: no pages in {}\n", pages_dir);
        return 1;
    }

    std::vector<Result> results = {
        {"plain tesseract (CLI, one process per page)"}, {"scanfix run -j1"}, {"scanfix run -j2"}};
    for (int r = 0; r < reps; ++r) {
        // Plain Tesseract: each page on its own, as a shell loop over the CLI would do.
        Sample total;
        for (const fs::path& p : pages) {
            Sample s = run_process({"tesseract", p.string(), (work / "tess").string(), "-l", lang});
            total.wall += s.wall;
            total.cpu += s.cpu;
            total.peak_mb = std::max(total.peak_mb, s.peak_mb);
        }
        results[0].wall.push_back(total.wall);
        results[0].cpu.push_back(total.cpu);
        results[0].peak.push_back(total.peak_mb);
        for (int j : {1, 2}) {
            fs::path out = work / ("out-j" + std::to_string(j));
            fs::remove_all(out);
            Sample s = run_process({scanfix, "run", "-j", std::to_string(j), "--lang", lang, "-o",
                                    out.string(), (work / "pages").string()});
            results[size_t(j)].wall.push_back(s.wall);
            results[size_t(j)].cpu.push_back(s.cpu);
            results[size_t(j)].peak.push_back(s.peak_mb);
        }
        fmt::print(stderr, "repetition {}/{} done\n", r + 1, reps);
    }

    size_t n = pages.size();
    fmt::print("Pages: {} ({} images × {} copies, {}), language {}, {} repetitions (medians)\n\n",
               n, n / size_t(copies), copies, pages_dir, lang, reps);
    fmt::print("| run | wall s | pages/s | CPU s | peak RSS of one process (MB) |\n");
    fmt::print("|---|---|---|---|---|\n");
    for (const Result& res : results)
        fmt::print("| {} | {:.1f} | {:.3f} | {:.1f} | {:.0f} |\n", res.name, median(res.wall),
                   double(n) / median(res.wall), median(res.cpu), median(res.peak));
    double t = median(results[0].wall), j1 = median(results[1].wall), j2 = median(results[2].wall);
    double peak1 = median(results[1].peak), peak2 = median(results[2].peak);
    fmt::print("\n");
    fmt::print("- scanfix -j2 vs -j1: {:.2f}× the pages/s\n", j1 / j2);
    fmt::print("- scanfix -j1 vs plain tesseract: {:.2f}× the time per page\n", j1 / t);
    fmt::print("- scanfix -j2 vs plain tesseract: {:.2f}× the pages/s\n", t / j2);
    fmt::print(
        "- memory: one worker's process peaks at {:.0f} MB; the second worker adds {:.0f} MB\n",
        peak1, peak2 - peak1);
    fmt::print("- machine: {} cores, {}; load average at the end: ",
               std::thread::hardware_concurrency(), read_first_line("/proc/cpuinfo", "model name"));
    std::ifstream load("/proc/loadavg");
    std::string l1;
    load >> l1;
    fmt::print("{}\n", l1);
    fs::remove_all(work);
    return 0;
}
