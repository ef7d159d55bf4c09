// Shared options of run and clean, and what they do (see common_options.hpp).
#include "common_options.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <filesystem>

#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {

void add_common_options(CLI::App& cmd, CommonOptions& opt) {
    cmd.add_option("-p,--profile", opt.profile,
                   "Profile: a YAML file, or a name from the profiles folder (default: default)");
    // One value per --set, so that `--set k=v FILE` leaves FILE to the positional argument.
    cmd.add_option("--set", opt.overrides,
                   "Override one parameter, e.g. --set preprocess.binarize.k=0.3 (repeatable)")
        ->allow_extra_args(false);
    cmd.add_option(
           "--layout", opt.layout,
           "reading: paragraphs flowed, split words rejoined; diplomatic: lines as on the page")
        ->check(CLI::IsMember({"reading", "diplomatic"}));
    cmd.add_flag("--keep-noise", opt.keep_noise, "Mark removed text as ⟦…⟧ instead of deleting it");
    cmd.add_flag("--print-params", opt.print_params,
                 "List every parameter with its value in the chosen profile, then exit");
    cmd.add_flag("-v,--verbose", opt.verbose,
                 "Say what each stage measured; twice (-vv) also every candidate weighed");
}

Profile load_profile(const CommonOptions& opt) {
    Profile profile = Profile::load(opt.profile, profiles_dir());
    for (const std::string& kv : opt.overrides) profile.set_override(kv, "--set");
    return profile;
}

namespace {
const char* type_name(ParamType t) {
    switch (t) {
        case ParamType::Int:
            return "int";
        case ParamType::Double:
            return "double";
        case ParamType::Bool:
            return "bool";
        case ParamType::Choice:
            return "choice";
        case ParamType::List:
            return "list";
    }
    return "?";
}
}  // namespace

void print_params(const std::vector<ParamSpec>& specs, const Profile& profile) {
    for (const ParamSpec& s : specs) {
        std::string value = s.default_value;
        if (const ProfileEntry* e = profile.find(s.name)) {
            value = fmt::format("{}", fmt::join(e->values, ", "));
            if (e->is_list) value = "[" + value + "]";
        }
        std::string range;
        if (s.type == ParamType::Int || s.type == ParamType::Double)
            range = fmt::format(" [{}, {}]", format_param_value(s.min), format_param_value(s.max));
        else if (!s.choices.empty())
            range = fmt::format(" {{{}}}", fmt::join(s.choices, ", "));
        fmt::print("{} = {}    # {}{}: {}\n", s.name, value, type_name(s.type), range, s.help);
    }
}

Context make_context(const Profile& profile, const std::string& debug_dir, int verbose) {
    Context ctx;
    ctx.profile = &profile;
    ctx.debug_dir = debug_dir;
    ctx.data_dir = data_dir();
    ctx.log = [verbose](LogLevel level, const std::string& msg) {
        if (level == LogLevel::Warning)
            fmt::print(stderr, "scanfix: warning: {}\n", msg);
        else if (verbose >= (level == LogLevel::Debug ? 2 : 1))
            fmt::print(stderr, "scanfix: {}\n", msg);
    };
    return ctx;
}

void check_not_an_input(const std::string& output, const std::vector<std::string>& inputs) {
    std::error_code ec;
    if (output.empty() || !fs::exists(output, ec)) return;
    for (const std::string& in : inputs)
        if (in != "-" && fs::exists(in, ec) && fs::equivalent(in, output, ec))
            throw InputError(output, "is one of the inputs; refusing to overwrite it");
}

void check_output_dir(const std::string& dir, const std::vector<std::string>& inputs) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw InputError(dir, "output path exists and is not a folder");
    for (const std::string& in : inputs)
        if (fs::exists(in, ec) && fs::equivalent(in, dir, ec))
            throw InputError(dir, "output folder is one of the inputs");
    fs::create_directories(dir, ec);
    if (ec) throw InputError(dir, "cannot create output folder: " + ec.message());
}

}  // namespace scanfix::cli
