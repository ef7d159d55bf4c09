// How a batch reports progress: on a terminal one bar line redrawn in place with pages/s and
// ETA; otherwise (a log file, a Slurm job's output) one plain line per page. Messages from the
// library (warnings) are printed above the bar. Ends with the batch summary.
#pragma once

#include <mutex>
#include <string>

#include "scanfix/batch/worker_pool.hpp"

namespace scanfix::cli {

class ProgressDisplay {
  public:
    // `bar`: draw a bar (stderr is a terminal); else log lines.
    explicit ProgressDisplay(bool bar);

    void update(const batch::BatchProgress& p);
    // One line on stderr, "scanfix: <line>", kept clear of the bar.
    void message(const std::string& line);
    // Clears the bar and prints the summary lines: counts, rate, failures with their reasons,
    // and why the batch stopped early if it did.
    void summary(const batch::BatchSummary& s, size_t finished_before,
                 const std::vector<batch::PageFailure>& plan_failures);

  private:
    void clear_bar();
    bool bar_;
    bool bar_shown_ = false;
    std::mutex mutex_;
};

// "1:05", "1:02:03".
std::string format_duration(double seconds);
// "box1/f12.tif" or "box1/f12.pdf p.3".
std::string page_label(const std::string& source, int page, int pages);

}  // namespace scanfix::cli
