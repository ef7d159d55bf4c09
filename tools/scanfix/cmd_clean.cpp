// scanfix clean: cleans an existing noisy transcription (FILE or - for stdin) with the cleanup
// stages of a profile and writes the text to stdout; --report writes every decision as JSON.
#include <algorithm>
#include <iostream>
#include <memory>
#include <utility>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/core/text.hpp"
#include "scanfix/emit/report.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace scanfix::cli {
namespace {

struct CleanOptions {
    std::string input = "-";
    std::string encoding = "utf-8";
    std::string report;
    CommonOptions common;
};

std::string read_input(const CleanOptions& o) {
    if (o.input != "-") return read_text_file(o.input, o.encoding);
    return read_text_stream(std::cin, "<stdin>", o.encoding);
}

// One profile serves run and clean alike, so clean checks all of it as run would (a wrong
// value under ocr.* is wrong for both); a --set of a key clean does not read would change
// nothing, so it is refused rather than accepted without effect.
void check_clean_profile(const Profile& profile, const CommonOptions& common,
                         const std::vector<ParamSpec>& specs) {
    validate_profile(profile, pipeline_param_specs());
    for (const std::string& kv : common.overrides) {
        const std::string key = kv.substr(0, kv.find('='));
        bool used = std::any_of(specs.begin(), specs.end(),
                                [&](const ParamSpec& spec) { return spec.name == key; });
        if (!used)
            throw ConfigError("--set", 0,
                              "'" + key + "' is a parameter of scanfix run; clean does not use it");
    }
}

int run_clean(const CleanOptions& o) {
    Profile profile = load_profile(o.common);
    std::vector<ParamSpec> specs = cleanup_param_specs();
    if (o.common.print_params) {
        print_params(specs, profile);
        return kExitOk;
    }
    check_clean_profile(profile, o.common, specs);
    Layout layout = parse_layout(o.common.layout);
    check_not_an_input(o.report, {o.input, o.common.profile});
    check_writable(o.report);
    std::string text = read_input(o);
    Context ctx = make_context(profile, "", o.common.verbose);
    const Cleanup cleanup(profile, ctx);
    // A window of pages at a time: the text, the report and the page model of one window are
    // all that is held besides the input, however long it is.
    std::unique_ptr<OutputFile> report;
    if (!o.report.empty()) report = std::make_unique<OutputFile>(o.report);
    CleanupReportWriter report_text;
    TextRenderer renderer(layout, o.common.keep_noise);
    TextWindows windows(text, o.input == "-" ? "<stdin>" : o.input);
    std::string cleaned;
    for (TextWindow w; windows.next(w);) {
        cleanup.run(w.doc, ctx);
        renderer.add(w.doc, w.continues_last_page);
        if (report) report->write(report_text.add(w.doc, w.continues_last_page, w.first_line));
        // Small inputs give all their text at the end, after the report is complete.
        cleaned += renderer.take();
        if (cleaned.size() > (1 << 20)) write_to_stdout(std::exchange(cleaned, {}));
    }
    cleaned += renderer.finish();
    if (report) {
        report->write(report_text.finish());
        report->commit();
    }
    write_to_stdout(cleaned);
    return kExitOk;
}

}  // namespace

void add_clean_command(CLI::App& app) {
    auto o = std::make_shared<CleanOptions>();
    CLI::App* cmd = app.add_subcommand(
        "clean", "Clean an existing noisy transcription and write the text to stdout");
    cmd->add_option("FILE", o->input, "transcription to clean, or - for standard input")
        ->capture_default_str();
    cmd->add_option("--report", o->report, "write every removal and replacement as JSON to FILE");
    cmd->add_option("--encoding", o->encoding, "encoding of the input (utf-8, cp1251, koi8-r, ...)")
        ->capture_default_str();
    add_common_options(*cmd, o->common);
    cmd->callback([o] { exit_code() = guarded([o] { return run_clean(*o); }); });
}

}  // namespace scanfix::cli
