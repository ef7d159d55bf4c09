// scanfix clean: cleans an existing noisy transcription (FILE or - for stdin) with the cleanup
// stages of a profile and writes the text to stdout; --report writes every decision as JSON.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/cleanup/report.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/text.hpp"

namespace scanfix::cli {
namespace {

struct CleanOptions {
    std::string input = "-";
    std::string profile = "default";
    std::string layout = "reading";
    std::string encoding = "utf-8";
    std::string report;
    bool keep_noise = false;
    bool print_params = false;
};

std::string read_input(const CleanOptions& o) {
    if (o.input != "-") return read_text_file(o.input, o.encoding);
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (std::cin.bad()) throw InputError("<stdin>", "read error");
    return decode_text(std::move(bytes), "<stdin>", o.encoding);
}

// One line per parameter: key, the profile's value (or the default), type, range and help.
void print_params(const Profile& profile) {
    static const char* const types[] = {"int", "double", "bool", "choice"};
    for (const ParamSpec& s : cleanup_param_specs()) {
        std::string value = s.default_value;
        if (const ProfileEntry* e = profile.find(s.name)) {
            value.clear();
            for (const auto& v : e->values) value += (value.empty() ? "" : ", ") + v;
            if (e->is_list) value = "[" + value + "]";
        }
        std::string range;
        if (s.type == ParamType::Int || s.type == ParamType::Double)
            range = " [" + format_param_value(s.min) + ", " + format_param_value(s.max) + "]";
        else if (!s.choices.empty()) {
            for (const auto& c : s.choices) range += (range.empty() ? " {" : ", ") + c;
            range += "}";
        }
        std::printf("%s = %s    # %s%s: %s\n", s.name.c_str(), value.c_str(), types[int(s.type)],
                    range.c_str(), s.help.c_str());
    }
}

int run_clean(const CleanOptions& o) {
    Profile profile = Profile::load(o.profile, profiles_dir());
    if (o.print_params) {
        print_params(profile);
        return kExitOk;
    }
    Layout layout = parse_layout(o.layout);
    std::string text = read_input(o);
    Document doc = document_from_text(text, o.input == "-" ? "<stdin>" : o.input);
    Context ctx;
    ctx.profile = &profile;
    ctx.data_dir = data_dir();
    ctx.log = [](LogLevel level, const std::string& msg) {
        if (level == LogLevel::Warning) print_error("warning: " + msg);
    };
    run_cleanup(doc, ctx);
    if (!o.report.empty()) {
        std::ofstream out(o.report, std::ios::binary);
        out << cleanup_report_json(doc);
        if (!out) throw InputError(o.report, "cannot write the report");
    }
    std::string cleaned = render_text(doc, layout, o.keep_noise);
    if (std::fwrite(cleaned.data(), 1, cleaned.size(), stdout) != cleaned.size() ||
        std::fflush(stdout) != 0)
        throw Error("cannot write to standard output");
    return kExitOk;
}

}  // namespace

void add_clean_command(CLI::App& app) {
    auto o = std::make_shared<CleanOptions>();
    CLI::App* cmd = app.add_subcommand(
        "clean", "Clean an existing noisy transcription and write the text to stdout");
    cmd->add_option("FILE", o->input, "transcription to clean, or - for standard input")
        ->capture_default_str();
    cmd->add_option("--profile", o->profile, "profile name or YAML file (extends default)")
        ->capture_default_str();
    cmd->add_option("--layout", o->layout,
                    "reading: paragraphs flowed, split words joined; diplomatic: lines as given")
        ->check(CLI::IsMember({"reading", "diplomatic"}))
        ->capture_default_str();
    cmd->add_flag("--keep-noise", o->keep_noise,
                  "mark removed words as ⟦word⟧ instead of dropping them");
    cmd->add_option("--report", o->report, "write every removal and replacement as JSON to FILE");
    cmd->add_option("--encoding", o->encoding, "encoding of the input (utf-8, cp1251, koi8-r, ...)")
        ->capture_default_str();
    cmd->add_flag("--print-params", o->print_params,
                  "print every cleanup parameter with its value and range, then exit");
    cmd->callback([o] { exit_code() = guarded([o] { return run_clean(*o); }); });
}

}  // namespace scanfix::cli
