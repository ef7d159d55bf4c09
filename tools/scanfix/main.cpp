// Entry point of the scanfix command line: registers the subcommands and maps CLI11's parse
// errors to exit code 2 (usage).
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>

#include "commands.hpp"
#include "scanfix/core/error.hpp"

namespace scanfix::cli {
int& exit_code() {
    static int code = kExitOk;
    return code;
}
}  // namespace scanfix::cli

namespace {
// Tesseract parallelises inside a page with OpenMP (4 threads in its LSTM), which on a batch of
// -j workers oversubscribes the cores and is slower than one thread per worker. libgomp reads
// OMP_THREAD_LIMIT only when the program loads, so the limit is set by starting scanfix again
// with it; a value the user set is respected.
void limit_engine_threads(char** argv) {
    if (std::getenv("OMP_THREAD_LIMIT")) return;
    ::setenv("OMP_THREAD_LIMIT", "1", 1);
    ::execv("/proc/self/exe", argv);  // returns only on failure: run on unlimited
}
}  // namespace

int main(int argc, char** argv) {
    limit_engine_threads(argv);
    CLI::App app{
        "scanfix: scanned archival pages to clean, correct text.\n"
        "Exit codes: 0 ok, 1 some inputs failed or a gate was exceeded, 2 usage, 3 bad input,\n"
        "4 bad profile or parameter, 5 OCR engine could not run."};
    app.require_subcommand(1);
    app.set_version_flag("--version", "scanfix 0.1.0");
    scanfix::cli::add_run_command(app);
    scanfix::cli::add_clean_command(app);
    scanfix::cli::add_eval_command(app);
    scanfix::cli::add_tune_command(app);
    scanfix::cli::add_review_command(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return scanfix::kExitUsage;
    }
    return scanfix::cli::exit_code();
}
