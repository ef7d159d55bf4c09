// scanfix review DIR: proofreading of a batch output folder in the browser. Starts the local
// review server (review/review_server.hpp), prints its address with the access token on
// stdout, and serves until Ctrl+C. Everything else is in the review library.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <ctime>
#include <memory>
#include <thread>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/review/review_folder.hpp"
#include "scanfix/review/review_server.hpp"

namespace scanfix::cli {
namespace {

struct ReviewOptions {
    std::string folder;
    int port = 0;
    double flag_below = 75;
};

// SIGINT and SIGTERM are taken by a thread of their own, which stops the server; the server's
// threads, started later by run(), inherit the blocked signals and never see them.
class StopOnSignal {
  public:
    explicit StopOnSignal(review::ReviewServer& server) {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
        waiter_ = std::thread([this, &server] {
            const timespec tick{0, 200'000'000};
            while (!done_) {
                if (sigtimedwait(&signals_, nullptr, &tick) > 0) {
                    server.stop();
                    return;
                }
            }
        });
    }
    ~StopOnSignal() {
        done_ = true;
        waiter_.join();
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }

  private:
    sigset_t signals_{}, previous_{};
    std::atomic<bool> done_{false};
    std::thread waiter_;
};

int review_command(const ReviewOptions& o) {
    if (o.port < 0 || o.port > 65535) throw UsageError("--port", "must be 0..65535");
    review::ServerOptions options;
    options.folder = o.folder;
    options.web_dir = review_web_dir();
    options.port = o.port;
    options.flag_below = o.flag_below;
    const size_t pages = review::ReviewFolder(o.folder).pages().size();
    if (pages == 0)
        throw InputError(o.folder,
                         "holds no page model (.json); review reads what "
                         "`scanfix run -o DIR -f txt,json` writes");

    review::ReviewServer server(options);
    StopOnSignal stopper(server);  // before run() starts the server's threads
    std::printf("%s\n", server.url().c_str());
    std::fflush(stdout);
    std::fprintf(stderr, "scanfix review: %zu page file(s) of %s at %s (Ctrl+C stops)\n", pages,
                 o.folder.c_str(), server.url().c_str());
    if (!server.run()) throw InputError(o.folder, "the review server stopped unexpectedly");
    return kExitOk;
}

}  // namespace

void add_review_command(CLI::App& app) {
    auto o = std::make_shared<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "review",
        "Proofread a batch output folder in the browser, worst pages first; saves <stem>.gt.txt,\n"
        "<stem>.gt.alto.xml and <stem>.review.json beside the OCR outputs (docs/review.md).");
    cmd->add_option("DIR", o->folder, "output folder of scanfix run -o DIR -f txt,json")
        ->required();
    cmd->add_option("--port", o->port, "port on 127.0.0.1 (default: a free one)");
    cmd->add_option("--flag-below", o->flag_below,
                    "word confidence (0-100) under which a word is doubtful (default 75)")
        ->check(CLI::Range(0.0, 100.0));
    cmd->callback([o] { exit_code() = guarded([&] { return review_command(*o); }); });
}

}  // namespace scanfix::cli
