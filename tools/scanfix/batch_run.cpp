// The batch behind `scanfix run -o DIR` (see batch_run.hpp).
#include "batch_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <mutex>

#include <fmt/core.h>
#include <opencv2/core/utility.hpp>
#include <optional>

#include "common_options.hpp"
#include "interrupt.hpp"
#include "progress_display.hpp"
#include "scanfix/batch/document_assembly.hpp"
#include "scanfix/batch/inputs.hpp"
#include "scanfix/batch/output_layout.hpp"
#include "scanfix/batch/plan.hpp"
#include "scanfix/batch/worker_pool.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/emit/report.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {
namespace {

std::vector<batch::OutputTarget> output_targets(const BatchRequest& r) {
    std::vector<batch::OutputTarget> targets;
    for (OutputFormat f : r.out.formats) targets.push_back({r.output_dir, output_extension(f)});
    if (!r.report_dir.empty()) targets.push_back({r.report_dir, ".report.json"});
    return targets;
}

// Every folder the outputs of one page go to, created on demand (mirrored subfolders).
void make_parent_folders(const std::vector<std::string>& paths) {
    for (const std::string& p : paths) {
        std::error_code ec;
        fs::path parent = fs::path(p).parent_path();
        if (!parent.empty() && !fs::is_directory(parent, ec)) {
            fs::create_directories(parent, ec);
            if (ec)
                throw InputError(parent.string(), "cannot create output folder: " + ec.message());
        }
    }
}

// Each written page's estimated quality, for the summary: where to start proofreading.
class QualityLedger {
  public:
    void add(const std::string& stem, const ReadingQuality& q) {
        if (!q.known()) return;
        std::lock_guard<std::mutex> lock(mutex_);
        pages_.push_back({q.score, stem});
    }
    // "estimated quality: median 0.91; lowest: f3/file-p0002 0.42, ..." or "" without pages.
    std::string line(size_t lowest = 5) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (pages_.empty()) return {};
        std::sort(pages_.begin(), pages_.end());
        std::string worst;
        for (size_t i = 0; i < std::min(lowest, pages_.size()); ++i)
            worst += fmt::format("{}{} {:.2f}", i ? ", " : "", pages_[i].second, pages_[i].first);
        return fmt::format("estimated quality: median {:.2f}; lowest: {}",
                           pages_[pages_.size() / 2].first, worst);
    }

  private:
    std::mutex mutex_;
    std::vector<std::pair<double, std::string>> pages_;
};

// One worker: its own reader (one Tesseract engine) for every page it takes. The pages of a
// file go to the file's assembly; the worker that hands in the last of them cleans the file as
// one document and writes each page's outputs.
class PageWorker {
  public:
    PageWorker(const BatchRequest& r, const Pipeline& pipeline, batch::DocumentAssembly& assembly,
               const std::vector<batch::OutputTarget>& t, QualityLedger& ledger)
        : r_(r),
          pipeline_(pipeline),
          assembly_(assembly),
          targets_(t),
          ledger_(ledger),
          reader_(pipeline.reader()) {}

    void operator()(const batch::PageTask& task) {
        std::optional<Page> page;
        try {
            page = reader_->read_page(task.source, task.page);
        } catch (...) {
            // The file's other pages are still written; this one is listed as failed.
            std::exception_ptr failure = std::current_exception();
            finish(assembly_.add(task, std::nullopt));
            std::rethrow_exception(failure);
        }
        finish(assembly_.add(task, std::move(page)));
    }

  private:
    void finish(std::optional<batch::AssembledDocument> doc) {
        if (!doc || doc->pages.empty()) return;
        pipeline_.clean(doc->pages);
        for (size_t i = 0; i < doc->pages.size(); ++i) {
            const std::string& stem = doc->tasks[i]->stem;
            ledger_.add(stem, doc->pages[i].quality);
            make_parent_folders(batch::output_paths(stem, targets_));
            write_page_outputs(doc->pages, i, r_.output_dir, stem, r_.out);
            if (!r_.report_dir.empty())
                write_file_atomically((fs::path(r_.report_dir) / (stem + ".report.json")).string(),
                                      cleanup_report_json({doc->pages[i]}));
        }
    }

    const BatchRequest& r_;
    const Pipeline& pipeline_;
    batch::DocumentAssembly& assembly_;
    const std::vector<batch::OutputTarget>& targets_;
    QualityLedger& ledger_;
    std::unique_ptr<Pipeline::Reader> reader_;
};

int exit_code_of(const batch::BatchSummary& s, const batch::BatchPlan& plan, size_t inputs,
                 const InterruptGuard& interrupt) {
    if (s.interrupted) return 128 + interrupt.signal_number();
    size_t failed = s.failures.size() + plan.failures.size();
    if (failed == 0 && s.stopped_reason.empty()) return kExitOk;
    if (inputs == 1 && failed == 1 && s.done == 0 && plan.finished_before == 0)
        return (s.failures.empty() ? plan.failures : s.failures).front().exit_code;
    return kExitFailure;
}

}  // namespace

int run_batch(const BatchRequest& r) {
    batch::PlanOptions plan_opt;
    if (!r.shard.empty()) plan_opt.shard = batch::parse_shard(r.shard);
    plan_opt.resume = r.resume;
    plan_opt.targets = output_targets(r);

    batch::InputList inputs = batch::expand_inputs(r.inputs, r.manifests);
    if (inputs.files.empty()) throw UsageError("", "no input images given");
    std::vector<std::string> protected_paths = inputs.files;
    for (const std::string& in : r.inputs) protected_paths.push_back(in);
    check_output_dir(r.output_dir, protected_paths);
    if (!r.report_dir.empty()) check_output_dir(r.report_dir, protected_paths);
    check_debug_dir(r.debug_dir, inputs.files);
    batch::OutputLayout layout(inputs);
    batch::BatchPlan plan = batch::plan_batch(inputs, layout, plan_opt);

    ProgressDisplay display(::isatty(STDERR_FILENO) == 1);
    Context ctx = make_context(*r.profile, r.debug_dir, r.verbose);
    bool verbose = r.verbose;
    ctx.log = [&display, verbose](LogLevel level, const std::string& msg) {
        if (level == LogLevel::Warning)
            display.message("warning: " + msg);
        else if (verbose && level == LogLevel::Info)
            display.message(msg);
    };
    // One worker per core: OpenCV must not spread each worker's preprocessing over all cores
    // (Tesseract's own threads are limited by OMP_THREAD_LIMIT=1, see main.cpp).
    cv::setNumThreads(1);

    InterruptGuard interrupt;
    batch::PoolOptions pool;
    pool.jobs = r.jobs;
    pool.stop = &interrupt.requested();
    pool.on_progress = [&display](const batch::BatchProgress& p) { display.update(p); };
    PipelineOptions options;
    options.load = r.load;
    const Pipeline pipeline(*r.profile, ctx, options);
    batch::DocumentAssembly assembly(plan.todo);
    QualityLedger ledger;
    std::vector<batch::OutputTarget> targets = plan_opt.targets;
    batch::BatchSummary summary = batch::run_pages(
        plan.todo,
        [&](int) -> batch::PageWork {
            auto worker = std::make_shared<PageWorker>(r, pipeline, assembly, targets, ledger);
            return [worker](const batch::PageTask& t) { (*worker)(t); };
        },
        pool);
    display.summary(summary, plan.finished_before, plan.failures);
    if (const std::string q = ledger.line(); !q.empty()) display.message(q);
    return exit_code_of(summary, plan, inputs.files.size(), interrupt);
}

}  // namespace scanfix::cli
