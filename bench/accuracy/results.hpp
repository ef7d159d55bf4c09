// The benchmark's results: one record per page (CER counts and seconds of each reading), the
// per-set summary (mean page CER, total CER, pages where scanfix is worse than plain
// Tesseract, median seconds), Markdown tables, the JSON file of a run and the comparison of two.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "page_cases.hpp"

namespace scanfix::bench {

// The readings compared; kBest is the per-page better of plain and Sauvola (not timed).
enum Method { kPlain = 0, kSauvola = 1, kScanfix = 2, kBest = 3 };

struct MethodResult {
    size_t errors = 0;   // edits against the reference (grapheme clusters)
    double seconds = 0;  // wall time on one thread
    std::string error;   // a reading that failed scores as an empty text
};

struct PageRecord {
    PageCase page;
    size_t reference_length = 0;
    std::array<MethodResult, 3> methods;  // kPlain, kSauvola, kScanfix

    double cer(Method m) const;  // 0..1 (and more with insertions); kBest = min(plain, sauvola)
    size_t errors(Method m) const;
};

struct SetSummary {
    std::string name;
    size_t pages = 0;
    std::array<double, 4> mean_cer{};   // mean over pages of page CER, by Method
    std::array<double, 4> total_cer{};  // all errors / all reference characters, by Method
    size_t worse_1 = 0, worse_5 = 0;    // pages where scanfix is > 1 / > 5 points worse than plain
    std::array<double, 3> median_seconds{};  // kPlain, kSauvola, kScanfix
    double time_ratio() const;               // median scanfix / median plain
};

// One summary per set with pages, in `order`.
std::vector<SetSummary> summarise(const std::vector<PageRecord>& records,
                                  const std::vector<std::string>& order);

std::string page_table(const std::vector<PageRecord>& records);
std::string set_table(const std::vector<SetSummary>& sets);

// What the run was and where: shown above the tables and kept in the JSON.
struct RunInfo {
    std::string command, machine, load_before, load_after;
    int jobs = 1;
    std::vector<std::string> overrides;
};

// The run as JSON (one object per page) and back; `info`, when given, receives what the file
// says of the run. read_run throws InputError.
std::string run_json(const RunInfo& info, const std::vector<PageRecord>& records);
std::vector<PageRecord> read_run(const std::string& path, RunInfo* info = nullptr);

// The whole report: the run's machine and load, the per-set tables and the per-page table.
std::string run_report(const RunInfo& info, const std::vector<PageRecord>& records);

// Per-page scanfix CER of run `b` against run `a` (pages in both, largest change first) and the
// per-set means of both, as Markdown.
std::string compare_runs(const std::vector<PageRecord>& a, const std::vector<PageRecord>& b);

}  // namespace scanfix::bench
