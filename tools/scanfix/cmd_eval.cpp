// scanfix eval (placeholder until its module lands).
#include "commands.hpp"

namespace scanfix::cli {
void add_eval_command(CLI::App& app) {
    app.add_subcommand("eval", "not yet available");
}
}  // namespace scanfix::cli
