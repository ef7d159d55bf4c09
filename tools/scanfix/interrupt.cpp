// Signal handling for batches; see interrupt.hpp.
#include "interrupt.hpp"

#include <csignal>

namespace scanfix::cli {
namespace {

std::atomic<bool> g_requested{false};
volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_old_int, g_old_term;

static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void on_signal(int sig) {
    g_signal = sig;
    g_requested.store(true);
    // A second Ctrl-C means "now": the default action ends the process.
    std::signal(sig, SIG_DFL);
}

}  // namespace

InterruptGuard::InterruptGuard() {
    g_requested = false;
    g_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, &g_old_int);
    sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptGuard::~InterruptGuard() {
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
}

const std::atomic<bool>& InterruptGuard::requested() const {
    return g_requested;
}

int InterruptGuard::signal_number() const {
    return int(g_signal);
}

}  // namespace scanfix::cli
