// Shared options of run and clean, and what they do (see common_options.hpp).
#include "common_options.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
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

void check_writable(const std::string& output) {
    if (output.empty()) return;
    std::error_code ec;
    const fs::file_status st = fs::status(output, ec);
    if (fs::is_directory(st)) throw InputError(output, "is a folder, not a file");
    if (fs::is_character_file(st) || fs::is_fifo(st)) return;  // written through
    // A regular file is replaced in its own folder (through a link: the folder of its target).
    const fs::path p = fs::is_regular_file(st) ? fs::canonical(output, ec) : fs::path(output);
    const fs::path folder = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) throw InputError(output, "output folder does not exist");
    if (::access(folder.c_str(), W_OK) != 0)
        throw InputError(output,
                         std::string("cannot write into its folder: ") + std::strerror(errno));
}

namespace {
// Creates `dir` when missing and refuses it when it cannot be written to; `what` names it.
void make_writable_folder(const std::string& dir, const std::string& what) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw InputError(dir, "cannot create " + what + ": " + ec.message());
    if (::access(dir.c_str(), W_OK) != 0)
        throw InputError(dir, "cannot write into " + what + ": " + std::strerror(errno));
}
}  // namespace

void check_debug_dir(const std::string& dir, const std::vector<std::string>& inputs) {
    if (dir.empty()) return;
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw InputError(dir, "--debug-dir is not a folder");
    make_writable_folder(dir, "debug folder");
    for (const std::string& in : inputs) {
        fs::path folder = fs::path(in).has_parent_path() ? fs::path(in).parent_path() : ".";
        if (fs::equivalent(folder, dir, ec))
            throw InputError(dir, "debug folder holds the input " + in +
                                      ", which its images could overwrite; give another folder");
    }
}

void check_output_dir(const std::string& dir, const std::vector<std::string>& inputs) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
        throw InputError(dir, "output path exists and is not a folder");
    for (const std::string& in : inputs)
        if (fs::exists(in, ec) && fs::equivalent(in, dir, ec))
            throw InputError(dir, "output folder is one of the inputs");
    make_writable_folder(dir, "output folder");
}

}  // namespace scanfix::cli
