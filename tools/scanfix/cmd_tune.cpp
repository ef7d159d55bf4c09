// scanfix tune: searches preprocessing, OCR and cleanup parameters for the lowest CER on page
// images with references, and writes a profile that `scanfix run --profile` reads, with a
// report of what changed on the training and held-out pages. The search is in tune/.
#include <fmt/core.h>
#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <sstream>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "scanfix/tune/report.hpp"
#include "scanfix/tune/tuner.hpp"

namespace fs = std::filesystem;

namespace scanfix::cli {
namespace {

struct TuneOptions {
    std::string images, references;
    std::vector<std::string> languages;
    std::string base = "default";
    std::string output;
    std::string report;
    std::vector<std::string> only;
    double holdout = 0.3;
    int max_trials = 0;
    double time_limit = 0;
    double min_gain = 0.0005;
    std::uint64_t seed = 1;
    int dpi = 300;
};

std::vector<std::string> split_commas(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const std::string& item : items) {
        std::stringstream ss(item);
        for (std::string one; std::getline(ss, one, ',');)
            if (!one.empty()) out.push_back(one);
    }
    return out;
}

// What the tuned profile writes after `extends:`: a profile name as given, a file relative to
// the folder of the tuned profile (profiles resolve relative paths from there).
std::string extends_value(const std::string& base, const std::string& output) {
    fs::path p(base);
    if (!p.has_extension() && !p.has_parent_path()) return base;
    std::error_code ec;
    fs::path from = fs::absolute(output).parent_path();
    fs::path rel = fs::relative(fs::absolute(p), from, ec);
    return ec || rel.empty() ? fs::absolute(p).string() : rel.string();
}

std::string percent(double rate) {
    return fmt::format("{:.2f}%", 100 * rate);
}

// Progress on stderr: every recognition trial (seconds each), and a cleanup trial when it
// finds a better value or two seconds have passed since the last line.
tune::ProgressSink progress_printer() {
    auto last_line = std::make_shared<double>(-10.0);
    auto best = std::make_shared<double>(2.0);
    return [last_line, best](const tune::TuneProgress& p) {
        const bool better = p.best_cer < *best;
        *best = std::min(*best, p.best_cer);
        if (p.phase == "cleanup" && !better && p.seconds - *last_line < 2) return;
        *last_line = p.seconds;
        fmt::print(stderr,
                   "scanfix tune: trial {} ({:.1f} s, {} recognitions): {}={} {} (best {})\n",
                   p.trials, p.seconds, p.recognitions, p.key, p.value, percent(p.cer),
                   percent(p.best_cer));
    };
}

int tune_command(const TuneOptions& opt) {
    const std::vector<ParamSpec> specs = pipeline_param_specs();
    Profile base = Profile::load(opt.base, profiles_dir());
    validate_profile(base, specs);
    if (!(opt.holdout >= 0 && opt.holdout < 1))  // also NaN
        throw UsageError("--holdout", "must be at least 0 and below 1");

    tune::PageSet set = tune::find_tune_pages(opt.images, opt.references);
    // Outputs are checked before the search, which may take hours.
    for (const std::string& out : {opt.output, opt.report}) {
        tune::check_not_a_tune_input(out, opt.images, opt.references, set);
        check_not_an_input(out, {opt.base});
        check_writable(out);
    }
    for (const std::string& image : set.without_reference)
        fmt::print(stderr, "scanfix tune: {}: no reference, not used\n", image);
    if (set.pages.empty())
        throw InputError(opt.images, "no page image has a reference in " + opt.references);
    tune::PageSplit split = tune::split_pages(set.pages, opt.holdout, opt.seed);

    tune::TuneSettings settings;
    settings.languages = split_commas(opt.languages);
    settings.only = split_commas(opt.only);
    settings.max_trials = opt.max_trials;
    settings.time_limit = opt.time_limit;
    settings.min_improvement = opt.min_gain;
    settings.load.dpi = opt.dpi;
    for (const std::string& lang : settings.languages) check_languages_installed(lang);

    auto names = [](const std::vector<tune::TunePage>& pages) {
        std::vector<std::string> out;
        for (const auto& p : pages) out.push_back(p.name);
        return fmt::format("{}", fmt::join(out, ", "));
    };
    fmt::print(stderr,
               "scanfix tune: {} parameters; training on {} page(s) ({}), {} held out ({})\n",
               tune::searched_params(settings).size(), split.train.size(), names(split.train),
               split.holdout.size(), names(split.holdout));

    Context ctx;
    ctx.profile = &base;
    ctx.data_dir = data_dir();
    ctx.log = [](LogLevel level, const std::string& msg) {
        if (level == LogLevel::Warning) fmt::print(stderr, "scanfix: warning: {}\n", msg);
    };
    tune::TuneResult result = tune::tune_profile(split, base, ctx, settings,
                                                 tune::tesseract_factory(), progress_printer());

    std::string yaml = "# Tuned by scanfix tune on " + std::to_string(result.train_pages.size()) +
                       " page(s); training CER " + percent(result.train_before) + " -> " +
                       percent(result.train_after) + "\n" +
                       tune::tuned_profile_yaml(result, extends_value(opt.base, opt.output));
    write_file_atomically(opt.output, yaml);
    // The written profile must load and validate as run would read it.
    validate_profile(Profile::load(opt.output, profiles_dir()), specs);

    if (!opt.report.empty()) {
        const bool json = fs::path(opt.report).extension() == ".json";
        write_file_atomically(opt.report,
                              json ? tune::report_json(result) : tune::report_markdown(result));
    }
    fmt::print(stderr, "scanfix tune: training CER {} -> {}", percent(result.train_before),
               percent(result.train_after));
    if (result.held_out())
        fmt::print(stderr, ", held-out CER {} -> {}", percent(result.holdout_before),
                   percent(result.holdout_after));
    fmt::print(stderr, "; {} change(s), {} trials, {:.1f} s\n", result.changes.size(),
               result.trials, result.seconds);
    for (const tune::ParameterChange& c : result.changes)
        fmt::print(stderr, "  {}: {} -> {}\n", c.key, c.before, c.after);
    if (result.held_out() && result.holdout_after > result.holdout_before)
        fmt::print(stderr,
                   "scanfix: warning: the held-out pages got worse; the changes may fit the "
                   "training pages only\n");
    return kExitOk;
}

}  // namespace

void add_tune_command(CLI::App& app) {
    auto opt = std::make_shared<TuneOptions>();
    CLI::App* cmd = app.add_subcommand(
        "tune", "Search the parameters for the lowest CER on pages with references");
    cmd->add_option("--images", opt->images, "Folder of page images (PNG, JPEG, TIFF)")->required();
    cmd->add_option("--gt", opt->references,
                    "Folder of references paired by page name (page-01.png <-> "
                    "page-01.gt.txt); may be the images folder")
        ->required();
    cmd->add_option("-o,--output", opt->output, "Write the tuned profile (YAML) here")->required();
    cmd->add_option("-l,--lang", opt->languages,
                    "Tesseract language(s) to try, comma-separated (rus,rus+eng); the first is "
                    "the start (default: the base profile's)");
    cmd->add_option("--base", opt->base,
                    "Profile to start from and extend: a YAML file or a name (default: default)");
    cmd->add_option("--holdout", opt->holdout,
                    "Share of the pages held out of the search to check it (default 0.3)");
    cmd->add_option("--seed", opt->seed, "Seed of the held-out choice (default 1)");
    cmd->add_option("--max-trials", opt->max_trials, "Stop after this many trials (0 = no limit)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--time-limit", opt->time_limit,
                    "Stop searching after this many seconds (0 = no limit)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--only", opt->only,
                    "Search only parameters whose key starts with one of these, comma-separated "
                    "(e.g. cleanup.,ocr.psm)");
    cmd->add_option("--min-gain", opt->min_gain,
                    "Smallest drop of the training CER (0.0005 = 0.05 points) for which a value "
                    "is changed")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--dpi", opt->dpi, "Resolution of the scans when the file does not say")
        ->check(CLI::Range(50, 2400));
    cmd->add_option("--report", opt->report,
                    "Write a report of the run: Markdown, or JSON when FILE ends in .json");
    cmd->callback([opt] { exit_code() = guarded([&] { return tune_command(*opt); }); });
}

}  // namespace scanfix::cli
