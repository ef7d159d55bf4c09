// scanfix clean (placeholder until its module lands).
#include "commands.hpp"

namespace scanfix::cli {
void add_clean_command(CLI::App& app) {
    app.add_subcommand("clean", "not yet available");
}
}  // namespace scanfix::cli
