// The page worker pool (see worker_pool.hpp): std::thread workers over an atomic queue index.
#include "scanfix/batch/worker_pool.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <thread>

#include "scanfix/core/error.hpp"

namespace scanfix::batch {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

std::string reason_of(const std::exception& e) {
    if (auto* in = dynamic_cast<const InputError*>(&e)) return in->reason();
    return e.what();
}

// Shared state of one run.
class Run {
  public:
    Run(const std::vector<PageTask>& tasks, const PoolOptions& opt) : tasks_(tasks), opt_(opt) {
        summary_.total = tasks.size();
    }

    void work(const WorkerFactory& factory, int worker) {
        PageWork process;
        try {
            process = factory(worker);
        } catch (...) {
            abort_with(std::current_exception());
            return;
        }
        while (!stopping()) {
            size_t i = next_.fetch_add(1);
            if (i >= tasks_.size()) break;
            const PageTask& task = tasks_[i];
            PageResult r;
            r.task = &task;
            auto t0 = Clock::now();
            try {
                process(task);
                r.ok = true;
            } catch (const ConfigError&) {
                abort_with(std::current_exception());  // the profile is wrong for every page
                r.reason = "stopped: configuration error";
            } catch (const std::bad_alloc&) {
                r.reason = "out of memory";
                r.exit_code = kExitFailure;
            } catch (const std::exception& e) {
                r.reason = reason_of(e);
                r.exit_code = dynamic_cast<const InputError*>(&e) ? kExitInput
                              : dynamic_cast<const OcrError*>(&e) ? kExitOcr
                                                                  : kExitFailure;
                if (is_disk_full(e))
                    stop_because("no space left on device (" + std::string(e.what()) + ")");
            }
            r.seconds = seconds_since(t0);
            record(r);
        }
    }

    BatchSummary finish() {
        summary_.seconds = started_ ? seconds_since(start_) : 0;
        size_t claimed = std::min(next_.load(), tasks_.size());
        summary_.not_started = tasks_.size() - claimed;
        summary_.interrupted = opt_.stop && opt_.stop->load() && summary_.not_started > 0;
        if (fatal_) std::rethrow_exception(fatal_);
        return summary_;
    }

    void start() {
        start_ = Clock::now();
        started_ = true;
    }

  private:
    bool stopping() const { return halt_.load() || (opt_.stop && opt_.stop->load()); }

    void abort_with(std::exception_ptr e) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!fatal_) fatal_ = e;
        halt_ = true;
    }

    void stop_because(const std::string& why) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (summary_.stopped_reason.empty()) summary_.stopped_reason = why;
        halt_ = true;
    }

    void record(const PageResult& r) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (r.ok)
            ++summary_.done;
        else
            summary_.failures.push_back(
                {r.task->source, r.task->pages > 1 ? r.task->page : -1, r.reason, r.exit_code});
        if (!opt_.on_progress) return;
        BatchProgress p;
        p.total = tasks_.size();
        p.failed = summary_.failures.size();
        p.finished = summary_.done + p.failed;
        p.elapsed = seconds_since(start_);
        p.pages_per_second = p.elapsed > 0 ? double(p.finished) / p.elapsed : 0;
        if (p.pages_per_second > 0)
            p.eta_seconds = double(p.total - p.finished) / p.pages_per_second;
        p.last = &r;
        opt_.on_progress(p);
    }

    const std::vector<PageTask>& tasks_;
    const PoolOptions& opt_;
    std::atomic<size_t> next_{0};
    std::atomic<bool> halt_{false};
    std::mutex mutex_;
    std::exception_ptr fatal_;
    BatchSummary summary_;
    Clock::time_point start_;
    bool started_ = false;
};

}  // namespace

bool is_disk_full(const std::exception& e) {
    std::string what = e.what();
    for (int code : {ENOSPC, EDQUOT})
        if (what.find(std::strerror(code)) != std::string::npos) return true;
    return false;
}

BatchSummary run_pages(const std::vector<PageTask>& tasks, const WorkerFactory& factory,
                       const PoolOptions& options) {
    Run run(tasks, options);
    if (tasks.empty()) return run.finish();  // e.g. a shard with no files: start no engine
    int jobs = std::max(1, std::min<int>(options.jobs, int(std::max<size_t>(tasks.size(), 1))));
    run.start();
    if (jobs == 1) {
        run.work(factory, 0);  // no extra thread: same stack, simpler debugging
    } else {
        std::vector<std::thread> workers;
        for (int w = 0; w < jobs; ++w) workers.emplace_back([&, w] { run.work(factory, w); });
        for (std::thread& t : workers) t.join();
    }
    return run.finish();
}

}  // namespace scanfix::batch
