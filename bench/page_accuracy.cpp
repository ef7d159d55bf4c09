// Accuracy and speed of scanfix against plain Tesseract, on every EHRI page (split by document
// into a development half and a measured half, bench/ehri_split.txt) and on a synthetic set
// generated from bench/synthetic_set.txt: per page and per set, the CER of Tesseract on the file
// as loaded, of Tesseract with its Sauvola binarisation, their per-page best, and of scanfix,
// with seconds per page on one thread. Every reference is line by line as typed, so every output
// is scored in the diplomatic layout. Results and the method: docs/accuracy.md.
#include <unistd.h>

#include <fmt/core.h>
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <opencv2/core.hpp>
#include <set>
#include <sstream>

#include "accuracy/methods.hpp"
#include "accuracy/page_cases.hpp"
#include "accuracy/results.hpp"
#include "scanfix/batch/worker_pool.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"

namespace fs = std::filesystem;
using namespace scanfix;
using namespace scanfix::bench;

namespace {

// Tesseract's OpenMP threads would spread one page over both cores and make its time depend on
// the other worker; libgomp reads OMP_THREAD_LIMIT only at load, so the program starts again
// with it set (as scanfix run does).
void limit_engine_threads(char** argv) {
    if (std::getenv("OMP_THREAD_LIMIT")) return;
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);
}

std::string first_line_of(const std::string& path, const std::string& prefix) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0) return line;
    return {};
}

std::string machine() {
    std::string cpu = first_line_of("/proc/cpuinfo", "model name");
    if (auto colon = cpu.find(':'); colon != std::string::npos) cpu = cpu.substr(colon + 2);
    std::string mem = first_line_of("/proc/meminfo", "MemTotal:");
    long kb = mem.empty() ? 0 : std::atol(mem.c_str() + 9);
    return fmt::format("{} ({} cores), {:.1f} GB RAM", cpu, ::sysconf(_SC_NPROCESSORS_ONLN),
                       kb / 1048576.0);
}

std::string load_average() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

// Reads the file once, untimed, so that every reading finds it in the page cache.
void warm(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> buf(1 << 20);
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size()))) {
    }
}

// Generates the synthetic set into `dir` with bench/make_synthetic_set.sh.
void generate_synthetic(const std::string& set_file, const std::string& dir, int jobs) {
    std::string cmd = fmt::format(
        "bash '{}/bench/make_synthetic_set.sh' '{}/tools/make_samples/make_samples' '{}' '{}' {}",
        SCANFIX_SOURCE_DIR, SCANFIX_BINARY_DIR, set_file, dir, jobs);
    fmt::print(stderr, "generating the synthetic set into {}\n", dir);
    if (std::system(cmd.c_str()) != 0)
        throw InputError(set_file, "generating the synthetic set failed");
}

bool wanted(const PageCase& c, const std::string& only, const std::string& pages) {
    if (!pages.empty() && c.name.find(pages) == std::string::npos) return false;
    if (only.empty()) return true;
    if (only == "synthetic") return c.source == "synthetic";
    if (only == "ehri") return c.source == "ehri";
    if (only == "dev") return c.half == "development";
    return c.half == "measured";
}

// The order pages are read in: round robin over the sets they first count in (EHRI halves,
// synthetic variants), so that a run cut short still covers every set.
std::vector<size_t> interleaved(const std::vector<PageCase>& pages) {
    std::map<std::string, std::vector<size_t>> by_set;
    std::vector<std::string> sets;
    for (size_t i = 0; i < pages.size(); ++i) {
        const std::string& key = pages[i].sets.front();
        if (by_set.find(key) == by_set.end()) sets.push_back(key);
        by_set[key].push_back(i);
    }
    std::vector<size_t> order;
    for (size_t round = 0; order.size() < pages.size(); ++round)
        for (const std::string& key : sets)
            if (round < by_set[key].size()) order.push_back(by_set[key][round]);
    return order;
}

int report(const std::string& file) {
    try {
        RunInfo info;
        std::vector<PageRecord> records = read_run(file, &info);
        fmt::print("{}", run_report(info, records));
    } catch (const Error& e) {
        fmt::print(stderr, "bench_page_accuracy: {}\n", e.what());
        return 3;
    }
    return 0;
}

int compare(const std::vector<std::string>& files) {
    try {
        fmt::print("{}", compare_runs(read_run(files[0]), read_run(files[1])));
    } catch (const Error& e) {
        fmt::print(stderr, "bench_page_accuracy: {}\n", e.what());
        return 3;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    limit_engine_threads(argv);
    CLI::App app{"CER and seconds per page: plain Tesseract, Tesseract+Sauvola, scanfix"};
    const fs::path src(SCANFIX_SOURCE_DIR);
    std::string ehri = (src.parent_path() / "shared/data/ehri").string();
    std::string split_file = (src / "bench/ehri_split.txt").string();
    std::string set_file = (src / "bench/synthetic_set.txt").string();
    std::string synthetic_dir, profile_name = "default", ehri_profile_name = "ehri";
    std::string only, pages_filter, json_file, report_file;
    bool resume = false;
    std::vector<std::string> overrides, compare_files;
    int jobs = 1;
    app.add_option("--ehri", ehri, "Folder of EHRI pages (czech/, danish/, english/, ...)");
    app.add_option("--split", split_file, "EHRI document split: '<document> <half>' per line");
    app.add_option("--synthetic-set", set_file, "The synthetic pages to generate and read");
    app.add_option("--synthetic-dir", synthetic_dir,
                   "Folder for the synthetic pages: generated there when it holds none of them, "
                   "else read as it is (default: a temporary folder, generated every run)");
    app.add_option("--profile", profile_name, "scanfix profile for the synthetic pages");
    app.add_option("--ehri-profile", ehri_profile_name,
                   "scanfix profile for the EHRI pages (their references keep page numbers)");
    app.add_option("--only", only, "Only these pages: dev, measured, ehri (both) or synthetic")
        ->check(CLI::IsMember({"dev", "measured", "ehri", "synthetic"}));
    app.add_option("--pages", pages_filter, "Only pages whose name contains this text");
    app.add_option("--set", overrides,
                   "Override one scanfix parameter on every page, e.g. --set "
                   "preprocess.dust.enabled=false (repeatable)");
    app.add_option("-j,--jobs", jobs, "Pages read in parallel, one worker thread each")
        ->check(CLI::Range(1, 64));
    app.add_option("--json", json_file,
                   "Write every page's results to this JSON file (rewritten after every page)");
    app.add_flag("--resume", resume,
                 "With --json: keep the pages the file already holds and read only the others");
    app.add_option("--report", report_file, "Print the tables of a --json run and stop");
    app.add_option("--compare", compare_files,
                   "Compare two --json runs (FIRST SECOND): per-page and per-set changes")
        ->expected(2);
    CLI11_PARSE(app, argc, argv);
    if (!compare_files.empty()) return compare(compare_files);
    if (!report_file.empty()) return report(report_file);
    if (resume && json_file.empty()) {
        fmt::print(stderr, "bench_page_accuracy: --resume needs --json FILE\n");
        return 2;
    }

    RunInfo info;
    for (int i = 0; i < argc; ++i) info.command += (i ? " " : "") + std::string(argv[i]);
    info.machine = machine();
    info.jobs = jobs;
    info.overrides = overrides;
    fs::path temp_dir;
    try {
        std::map<std::string, Profile> profiles;
        profiles.emplace("default", Profile::load(profile_name, profiles_dir()));
        profiles.emplace("ehri", Profile::load(ehri_profile_name, profiles_dir()));
        for (auto& [name, p] : profiles)
            for (const std::string& kv : overrides) p.set_override(kv, "--set");

        std::vector<std::string> skipped;
        std::vector<PageCase> cases;
        if (only != "synthetic") cases = ehri_pages(ehri, read_ehri_split(split_file), skipped);
        if (only.empty() || only == "synthetic") {
            auto set = read_synthetic_set(set_file);
            if (synthetic_dir.empty()) {
                temp_dir = fs::temp_directory_path() /
                           ("scanfix-bench-synthetic-" + std::to_string(::getpid()));
                synthetic_dir = temp_dir.string();
            }
            std::vector<std::string> missing;
            if (synthetic_pages(set, synthetic_dir, missing).empty())
                generate_synthetic(set_file, synthetic_dir, jobs);
            for (PageCase& c : synthetic_pages(set, synthetic_dir, skipped)) cases.push_back(c);
        }
        std::vector<PageRecord> earlier;
        std::set<std::string> seen;
        if (resume && fs::exists(json_file))
            for (const PageRecord& r : read_run(json_file)) {
                earlier.push_back(r);
                seen.insert(r.page.source + "/" + r.page.name);
            }
        std::vector<PageCase> todo;
        for (const PageCase& c : cases) {
            if (!wanted(c, only, pages_filter) || seen.count(c.source + "/" + c.name)) continue;
            if (std::string lang = missing_language(c.lang); !lang.empty()) {
                skipped.push_back(c.image + ": language " + lang + " is not installed");
                continue;
            }
            todo.push_back(c);
        }
        for (const std::string& s : skipped) fmt::print(stderr, "skipped {}\n", s);

        cv::setNumThreads(1);  // one core per worker, for OpenCV as for Tesseract
        std::vector<PageRecord> records(todo.size());
        std::vector<batch::PageTask> tasks;
        for (size_t i : interleaved(todo))
            tasks.push_back({todo[i].image, 0, 1, std::to_string(i)});
        // Pages finished so far, in the order of `todo`, after the earlier run's.
        auto finished_records = [&] {
            std::vector<PageRecord> done = earlier;
            for (const PageRecord& r : records)
                if (!r.page.name.empty()) done.push_back(r);
            return done;
        };
        std::mutex print;
        size_t finished = 0;
        info.load_before = load_average();
        batch::PoolOptions pool;
        pool.jobs = jobs;
        batch::BatchSummary summary = batch::run_pages(
            tasks,
            [&](int) -> batch::PageWork {
                auto readers = std::make_shared<Readers>(profiles);
                return [&, readers](const batch::PageTask& t) {
                    const size_t i = std::stoul(t.stem);
                    const PageCase& c = todo[i];
                    PageRecord r;
                    r.page = c;
                    const std::string reference = eval::load_reference(c.reference);
                    std::array<Reading, 3> readings;
                    warm(c.image);
                    readings[kPlain] = readers->plain(c.image, c.lang);
                    readings[kSauvola] = readers->sauvola(c.image, c.lang);
                    readings[kScanfix] = readers->scanfix(c.image, c.lang, c.profile);
                    for (Method m : {kPlain, kSauvola, kScanfix}) {
                        eval::EditCounts counts =
                            eval::evaluate(reference, readings[m].text).characters;
                        r.reference_length = counts.reference_length;
                        r.methods[m] = {counts.errors(), readings[m].seconds, readings[m].error};
                    }
                    std::lock_guard<std::mutex> lock(print);
                    records[i] = r;
                    if (!json_file.empty())
                        write_file_atomically(json_file, run_json(info, finished_records()));
                    fmt::print(stderr,
                               "[{}/{}] {}: plain {:.2f} %, Sauvola {:.2f} %, scanfix {:.2f} %\n",
                               ++finished, todo.size(), c.name, 100 * r.cer(kPlain),
                               100 * r.cer(kSauvola), 100 * r.cer(kScanfix));
                };
            },
            pool);
        info.load_after = load_average();
        for (const batch::PageFailure& f : summary.failures)
            fmt::print(stderr, "failed {}: {}\n", f.source, f.reason);
        std::vector<PageRecord> done = finished_records();
        fmt::print("{}", run_report(info, done));
        if (!json_file.empty()) write_file_atomically(json_file, run_json(info, done));
        if (!temp_dir.empty()) fs::remove_all(temp_dir);
        return summary.failures.empty() ? 0 : 1;
    } catch (const Error& e) {
        fmt::print(stderr, "bench_page_accuracy: {}\n", e.what());
        if (!temp_dir.empty()) fs::remove_all(temp_dir);
        return 1;
    }
}
