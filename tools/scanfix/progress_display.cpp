// Progress bar, log lines and summary of a batch; see progress_display.hpp.
#include "progress_display.hpp"

#include <fmt/core.h>

#include <cmath>
#include <cstdio>

namespace scanfix::cli {

std::string format_duration(double seconds) {
    long s = std::lround(std::max(0.0, seconds));
    if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
    return fmt::format("{}:{:02}", s / 60, s % 60);
}

std::string page_label(const std::string& source, int page, int pages) {
    if (page < 0 || pages <= 1) return source;
    return fmt::format("{} p.{}", source, page + 1);
}

ProgressDisplay::ProgressDisplay(bool bar) : bar_(bar) {}

void ProgressDisplay::clear_bar() {
    if (!bar_shown_) return;
    std::fputs("\r\033[K", stderr);
    bar_shown_ = false;
}

void ProgressDisplay::update(const batch::BatchProgress& p) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string eta = p.eta_seconds < 0 ? "--:--" : format_duration(p.eta_seconds);
    if (!bar_) {
        const batch::PageResult& r = *p.last;
        std::string what =
            r.ok ? fmt::format("done in {:.1f} s", r.seconds) : "failed: " + r.reason;
        fmt::print(stderr, "scanfix: [{}/{}] {}: {} ({:.2f} pages/s, ETA {})\n", p.finished,
                   p.total, page_label(r.task->source, r.task->page, r.task->pages), what,
                   p.pages_per_second, eta);
        std::fflush(stderr);
        return;
    }
    constexpr int kWidth = 30;
    int filled = p.total ? int(double(p.finished) / double(p.total) * kWidth) : kWidth;
    std::string bar(size_t(filled), '#');
    bar.resize(kWidth, '.');
    std::string failed = p.failed ? fmt::format("  {} failed", p.failed) : "";
    fmt::print(stderr, "\r\033[K[{}] {}/{} pages  {:.2f} pages/s  ETA {}{}", bar, p.finished,
               p.total, p.pages_per_second, eta, failed);
    std::fflush(stderr);
    bar_shown_ = true;
}

void ProgressDisplay::message(const std::string& line) {
    std::lock_guard<std::mutex> lock(mutex_);
    clear_bar();
    fmt::print(stderr, "scanfix: {}\n", line);
    std::fflush(stderr);
}

void ProgressDisplay::summary(const batch::BatchSummary& s, size_t finished_before,
                              const std::vector<batch::PageFailure>& plan_failures) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (bar_shown_) {
        std::fputs("\n", stderr);
        bar_shown_ = false;
    }
    size_t failed = s.failures.size() + plan_failures.size();
    double rate = s.seconds > 0 ? double(s.done + s.failures.size()) / s.seconds : 0;
    std::string line = fmt::format("scanfix: {} pages done, {} failed", s.done, failed);
    if (finished_before) line += fmt::format(", {} already done (skipped)", finished_before);
    if (s.not_started) line += fmt::format(", {} not started", s.not_started);
    line += fmt::format(" in {} ({:.2f} pages/s)\n", format_duration(s.seconds), rate);
    std::fputs(line.c_str(), stderr);
    for (const auto* list : {&plan_failures, &s.failures})
        for (const batch::PageFailure& f : *list)
            fmt::print(stderr, "scanfix: failed: {}: {}\n",
                       page_label(f.source, f.page, f.page >= 0 ? 2 : 1), f.reason);
    if (!s.stopped_reason.empty()) fmt::print(stderr, "scanfix: stopped: {}\n", s.stopped_reason);
    if (s.interrupted)
        fmt::print(stderr,
                   "scanfix: interrupted: {} pages not started; the same command with --resume "
                   "finishes the run\n",
                   s.not_started);
    std::fflush(stderr);
}

}  // namespace scanfix::cli
