// Running a batch's pages on N worker threads. Each worker builds its own page processor once
// (e.g. one Tesseract instance, single-threaded inside), then takes pages from a shared queue.
// A failing page is recorded and the batch goes on; an error that concerns every page (a bad
// profile, an engine that cannot start, a full disk) stops it. A stop request (SIGINT/SIGTERM)
// lets each worker finish the page in hand and start no other.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "scanfix/batch/plan.hpp"

namespace scanfix::batch {

// Processes one page completely (outputs written) or throws.
using PageWork = std::function<void(const PageTask&)>;
// Called once in each worker's own thread with the worker's number (0-based).
using WorkerFactory = std::function<PageWork(int worker)>;

struct PageResult {
    const PageTask* task = nullptr;
    bool ok = false;
    std::string reason;  // why it failed
    int exit_code = 0;   // as PageFailure::exit_code
    double seconds = 0;  // wall time of this page
};

// What a progress display needs after every page.
struct BatchProgress {
    size_t total = 0;     // pages of this run
    size_t finished = 0;  // done or failed so far
    size_t failed = 0;
    double elapsed = 0;  // seconds since the first page started
    double pages_per_second = 0;
    double eta_seconds = -1;  // -1 while unknown
    const PageResult* last = nullptr;
};

struct PoolOptions {
    int jobs = 1;
    const std::atomic<bool>* stop = nullptr;  // set from a signal handler: finish and quit
    // Called after every page, one call at a time, from the worker that finished it.
    std::function<void(const BatchProgress&)> on_progress;
};

struct BatchSummary {
    size_t total = 0;  // pages planned for this run
    size_t done = 0;
    std::vector<PageFailure> failures;
    size_t not_started = 0;      // left when stopped
    bool interrupted = false;    // a stop request ended the batch
    std::string stopped_reason;  // an error that stopped it, e.g. the disk is full
    double seconds = 0;
};

// Runs every task. Rethrows (after all workers have stopped) a ConfigError from any page or
// any error from a WorkerFactory: those concern every page.
BatchSummary run_pages(const std::vector<PageTask>& tasks, const WorkerFactory& factory,
                       const PoolOptions& options);

// True when `e` is a write that failed because the disk (or the user's quota) is full.
bool is_disk_full(const std::exception& e);

}  // namespace scanfix::batch
