// scanfix run (placeholder until its module lands).
#include "commands.hpp"

namespace scanfix::cli {
void add_run_command(CLI::App& app) { app.add_subcommand("run", "not yet available"); }
}  // namespace scanfix::cli
