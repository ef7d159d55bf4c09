// Options shared by the subcommands that run the cleanup pipeline (run, clean): the profile and
// its overrides, layout, noise marking, parameter listing, and the helpers that act on them.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"

namespace scanfix::cli {

struct CommonOptions {
    std::string profile = "default";
    std::vector<std::string> overrides;  // key=value
    std::string layout = "reading";
    bool keep_noise = false;
    bool print_params = false;
    int verbose = 0;  // -v: what each stage measured; -vv: also debug notes
};

void add_common_options(CLI::App& cmd, CommonOptions& opt);

// The profile named by --profile (a path, or a name in the profiles folder) with --set applied.
Profile load_profile(const CommonOptions& opt);

// Prints one line per parameter: name, type, value in this profile, default, range, help.
void print_params(const std::vector<ParamSpec>& specs, const Profile& profile);

// The library context: profile, data folder, debug folder and a stderr log: warnings always,
// information from verbosity 1 (-v), debug notes from verbosity 2 (-vv).
Context make_context(const Profile& profile, const std::string& debug_dir, int verbose = 0);

// Refuses an output file (a report) that is one of the inputs, so that a slip in the order
// of arguments never replaces a transcription or a scan. Throws InputError.
void check_not_an_input(const std::string& output, const std::vector<std::string>& inputs);

// Refuses an output file whose folder is missing or cannot be written to, before the work
// that would produce it. Throws InputError.
void check_writable(const std::string& output);

// Refuses a --debug-dir that is not a folder, cannot be created, or holds one of the inputs
// (its images are named after the inputs and would overwrite one); creates it when missing.
void check_debug_dir(const std::string& dir, const std::vector<std::string>& inputs);

// Refuses an output folder that would overwrite an input; creates it when missing.
void check_output_dir(const std::string& dir, const std::vector<std::string>& inputs);

}  // namespace scanfix::cli
