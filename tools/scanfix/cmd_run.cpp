// scanfix run: page images → preprocessing → Tesseract → cleanup → clean text.
// With one image and no -o the text goes to stdout; several images without -o are consecutive
// pages of one document; with -o DIR it is a batch (batch_run.hpp): every page gets its own
// outputs below DIR, the input folders mirrored, written atomically, on -j workers.
#include <filesystem>
#include <iostream>
#include <memory>

#include "batch_run.hpp"
#include "cli_errors.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "outputs.hpp"
#include "scanfix/batch/inputs.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/emit/report.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {
namespace {

struct RunOptions {
    std::vector<std::string> inputs;
    std::vector<std::string> manifests;
    std::string output_dir;
    int jobs = 1;
    bool resume = false;
    std::string shard;
    std::string lang;
    int psm = -1;
    int dpi = 300;
    double max_megapixels = 300;
    std::string debug_dir;
    std::string formats = "txt";
    std::string report;
    CommonOptions profile;
};

// Without -o: every page of every input, in order, is one document printed on stdout. Each
// page keeps only its words once read, so memory does not grow with the page count.
int print_joined(const RunOptions& opt, const Profile& profile, const OutputOptions& out) {
    std::vector<std::string> files = batch::expand_inputs(opt.inputs, opt.manifests).files;
    if (files.empty()) throw UsageError("", "no input images given");
    std::vector<std::string> protected_paths = files;
    protected_paths.insert(protected_paths.end(), opt.manifests.begin(), opt.manifests.end());
    protected_paths.push_back(opt.profile.profile);
    check_not_an_input(opt.report, protected_paths);
    check_writable(opt.report);
    check_debug_dir(opt.debug_dir, files);
    PipelineOptions options;
    options.load.dpi = opt.dpi;
    options.load.max_pixels = static_cast<long long>(opt.max_megapixels * 1e6);
    const Pipeline pipeline(profile, make_context(profile, opt.debug_dir, opt.profile.verbose),
                            options);
    auto reader = pipeline.reader();

    int failed = 0, last_code = kExitOk;
    Document joined;
    for (const std::string& input : files) {
        try {
            Document pages = reader->read_file(input);
            for (Page& p : pages) joined.push_back(std::move(p));
        } catch (const ConfigError&) {
            throw;  // a profile problem concerns every page: stop
        } catch (const OcrError&) {
            throw;  // the engine itself cannot run
        } catch (...) {
            ++failed;
            last_code = report_current_exception();
        }
    }
    if (!joined.empty()) {
        pipeline.clean(joined);
        // The report first: when it cannot be written, the error is all the run prints.
        if (!opt.report.empty()) write_file_atomically(opt.report, cleanup_report_json(joined));
        write_to_stdout(render(joined, out.formats.front(), out));
    }
    if (failed == 0) return kExitOk;
    if (files.size() == 1) return last_code;
    print_error(std::to_string(failed) + " of " + std::to_string(files.size()) + " inputs failed");
    return kExitFailure;
}

int run(const RunOptions& opt) {
    Profile profile = load_profile(opt.profile);
    if (!opt.lang.empty()) {
        profile.set("ocr.lang", opt.lang, "--lang");
        profile.set("cleanup.lexicon.language", opt.lang,
                    "--lang");  // the lexicon follows the language
    }
    if (opt.psm >= 0) profile.set("ocr.psm", std::to_string(opt.psm), "--psm");
    std::vector<ParamSpec> specs = pipeline_param_specs();
    if (opt.profile.print_params) {
        print_params(specs, profile);
        return kExitOk;
    }
    validate_profile(profile, specs);
    if (opt.inputs.empty() && opt.manifests.empty()) throw UsageError("", "no input images given");
    OutputOptions out;
    out.layout = parse_layout(opt.profile.layout);
    out.keep_noise = opt.profile.keep_noise;
    out.formats = parse_output_formats(opt.formats);
    if (opt.output_dir.empty()) {
        if (out.formats.size() > 1)
            throw UsageError("--format", "several formats need an output folder (-o DIR)");
        if (opt.resume || !opt.shard.empty())
            throw UsageError(opt.resume ? "--resume" : "--shard",
                             "needs an output folder (-o DIR)");
        return print_joined(opt, profile, out);
    }
    BatchRequest req;
    req.inputs = opt.inputs;
    req.manifests = opt.manifests;
    req.output_dir = opt.output_dir;
    req.report_dir = opt.report;
    req.debug_dir = opt.debug_dir;
    req.jobs = opt.jobs;
    req.resume = opt.resume;
    req.shard = opt.shard;
    req.load.dpi = opt.dpi;
    req.load.max_pixels = static_cast<long long>(opt.max_megapixels * 1e6);
    req.out = out;
    req.profile = &profile;
    req.verbose = opt.profile.verbose;
    return run_batch(req);
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto opt = std::make_shared<RunOptions>();
    CLI::App* cmd =
        app.add_subcommand("run", "Recognise page images and print or write clean text");
    cmd->add_option("images", opt->inputs,
                    "Page images (PNG, JPEG, TIFF, PDF of scans; multi-page files give several "
                    "pages) or folders (searched recursively). Without -o all pages are "
                    "consecutive pages of one document.");
    cmd->add_option("-o,--output-dir", opt->output_dir,
                    "Batch: write each page's outputs below DIR, mirroring the input folders "
                    "(<stem>.txt, or <stem>-p0003.txt for pages of a multi-page file)");
    cmd->add_option("--manifest", opt->manifests,
                    "File listing inputs, one path per line ('#' comments; - = stdin); repeatable");
    cmd->add_option("-j,--jobs", opt->jobs,
                    "Pages processed in parallel with -o, one single-threaded Tesseract each")
        ->check(CLI::Range(1, 256));
    cmd->add_flag("--resume", opt->resume,
                  "With -o: skip pages whose outputs all exist (an earlier run finished them)");
    cmd->add_option("--shard", opt->shard,
                    "With -o: process only shard K of N (K = 0..N-1) of the input files, e.g. "
                    "for a Slurm job array (see docs/batch.md)");
    cmd->add_option("-l,--lang", opt->lang,
                    "Tesseract language(s), e.g. rus or rus+eng (default rus)");
    cmd->add_option("--psm", opt->psm, "Tesseract page segmentation mode (overrides the profile)")
        ->check(CLI::Range(0, 13));
    cmd->add_option("--dpi", opt->dpi, "Resolution of the scans when the file does not say")
        ->check(CLI::Range(50, 2400));
    cmd->add_option("--max-megapixels", opt->max_megapixels,
                    "Refuse larger pages before decoding them (memory guard; default 300)")
        ->check(CLI::Range(1.0, 1000.0));
    cmd->add_option("--debug-dir", opt->debug_dir,
                    "Write intermediate images and overlays of each preprocessing step here");
    cmd->add_option(
        "-f,--format", opt->formats,
        "Output formats, comma-separated: txt, hocr, alto, page, json (several need -o)");
    cmd->add_option("--report", opt->report,
                    "Write every removal and replacement as JSON: to FILE, or with -o into "
                    "FOLDER/<page stem>.report.json");
    add_common_options(*cmd, opt->profile);
    cmd->callback([opt] { exit_code() = guarded([&] { return run(*opt); }); });
}

}  // namespace scanfix::cli
