// scanfix run: page images → preprocessing → Tesseract → cleanup → clean text.
// With one image and no -o the text goes to stdout; several images without -o are consecutive
// pages of one document; with -o DIR each input gets DIR/<stem>.txt, written atomically.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "outputs.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/emit/report.hpp"
#include "scanfix/ocr/page_reader.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {
namespace {

struct RunOptions {
    std::vector<std::string> inputs;
    std::string output_dir;
    std::string lang;
    int psm = -1;
    int dpi = 300;
    double max_megapixels = 300;
    std::string debug_dir;
    std::string formats = "txt";
    std::string report;
    CommonOptions profile;
};

std::vector<ParamSpec> all_run_specs() {
    std::vector<ParamSpec> specs = ocr_param_specs();
    for (auto& s : cleanup_param_specs()) specs.push_back(std::move(s));
    return specs;
}

// One document per output: every input alone with -o, all inputs together without it.
int run(const RunOptions& opt) {
    Profile profile = load_profile(opt.profile);
    if (!opt.lang.empty()) profile.set("ocr.lang", opt.lang);
    if (opt.psm >= 0) profile.set("ocr.psm", std::to_string(opt.psm));
    std::vector<ParamSpec> specs = all_run_specs();
    if (opt.profile.print_params) {
        print_params(specs, profile);
        return kExitOk;
    }
    if (opt.inputs.empty()) throw ConfigError("", 0, "no input images given");
    validate_run_profile(profile, specs);
    OutputOptions out;
    out.layout = parse_layout(opt.profile.layout);
    out.keep_noise = opt.profile.keep_noise;
    out.formats = parse_output_formats(opt.formats);
    if (opt.output_dir.empty() && out.formats.size() > 1)
        throw ConfigError("--format", 0, "several formats need an output folder (-o DIR)");
    if (!opt.output_dir.empty()) check_output_dir(opt.output_dir, opt.inputs);
    if (!opt.debug_dir.empty()) fs::create_directories(opt.debug_dir);

    Context ctx = make_context(profile, opt.debug_dir, opt.profile.verbose);
    OcrParams ocr = read_params<OcrParams>(profile, "ocr");
    TesseractRecognizer recognizer(ocr);
    LoadOptions load;
    load.dpi = opt.dpi;
    load.max_pixels = static_cast<long long>(opt.max_megapixels * 1e6);

    int failed = 0, last_code = kExitOk;
    Document joined;
    for (const std::string& input : opt.inputs) {
        try {
            Document doc = read_image_pages(input, load, ctx, recognizer);
            if (opt.output_dir.empty()) {
                for (Page& p : doc) joined.push_back(std::move(p));
                continue;
            }
            run_cleanup(doc, ctx);
            std::string stem = fs::path(input).stem().string();
            write_outputs(doc, opt.output_dir, stem, out);
            if (!opt.report.empty())
                write_file_atomically((fs::path(opt.report) / (stem + ".report.json")).string(),
                                      cleanup_report_json(doc));
        } catch (const ConfigError&) {
            throw;  // a profile problem concerns every page: stop
        } catch (const OcrError&) {
            throw;  // the engine itself cannot run
        } catch (...) {
            ++failed;
            last_code = report_current_exception();
        }
    }
    if (opt.output_dir.empty() && !joined.empty()) {
        run_cleanup(joined, ctx);
        std::cout << render(joined, out.formats.front(), out) << std::flush;
        if (!opt.report.empty()) write_file_atomically(opt.report, cleanup_report_json(joined));
    }
    if (failed == 0) return kExitOk;
    if (opt.inputs.size() == 1) return last_code;
    print_error(std::to_string(failed) + " of " + std::to_string(opt.inputs.size()) +
                " inputs failed");
    return kExitFailure;
}

}  // namespace

void add_run_command(CLI::App& app) {
    auto opt = std::make_shared<RunOptions>();
    CLI::App* cmd =
        app.add_subcommand("run", "Recognise page images and print or write clean text");
    cmd->add_option("images", opt->inputs,
                    "Page images (PNG, JPEG, TIFF; a multi-page TIFF gives several pages). "
                    "Several images without -o are consecutive pages of one document.");
    cmd->add_option("-o,--output-dir", opt->output_dir,
                    "Write <DIR>/<image stem>.txt for each input instead of printing");
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
                    "FOLDER/<stem>.report.json");
    add_common_options(*cmd, opt->profile);
    cmd->callback([opt] { exit_code() = guarded([&] { return run(*opt); }); });
}

}  // namespace scanfix::cli
