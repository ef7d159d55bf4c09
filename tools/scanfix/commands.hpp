// The subcommands of the scanfix command line. Each cmd_*.cpp adds its subcommand to the app
// and binds its options to a struct; the callback calls the library and returns an exit code
// through `set_exit`. main.cpp only wires them together.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace scanfix::cli {

// Each subcommand stores its exit code here from its callback.
int& exit_code();

void add_run_command(CLI::App& app);
void add_clean_command(CLI::App& app);
void add_eval_command(CLI::App& app);
void add_tune_command(CLI::App& app);
void add_review_command(CLI::App& app);

}  // namespace scanfix::cli
