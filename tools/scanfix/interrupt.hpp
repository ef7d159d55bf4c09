// SIGINT and SIGTERM during a batch: the first one asks the workers to finish the page in hand
// and stop (see batch/worker_pool.hpp); a second one ends the program at once. Outputs are
// renamed into place only when complete, so neither leaves a half-written page.
#pragma once

#include <atomic>

namespace scanfix::cli {

// Installs the handlers for the lifetime of the object and restores the previous ones after.
class InterruptGuard {
  public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    // Set once a signal arrived.
    const std::atomic<bool>& requested() const;
    // The signal that arrived (SIGINT or SIGTERM), 0 when none.
    int signal_number() const;
};

}  // namespace scanfix::cli
