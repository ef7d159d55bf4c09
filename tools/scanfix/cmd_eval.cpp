// scanfix eval REF HYP: CER/WER of a hypothesis (file or folder) against references, with
// text, JSON and HTML reports and a --max-cer gate for an archive's CI. The work is done by
// the eval library (batch.hpp and the report_*.hpp renderers); this file binds options.
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "cli_errors.hpp"
#include "commands.hpp"
#include "common_options.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/eval/batch.hpp"
#include "scanfix/eval/report_html.hpp"
#include "scanfix/eval/report_text.hpp"

namespace scanfix::cli {

namespace {

struct EvalOptions {
    std::string reference, hypothesis;
    bool json = false;
    std::string html;
    std::string max_cer;
    bool max_cer_given = false;
    std::string normalize;
    bool no_whitespace = false, hyphens = false, casefold = false, punctuation = false, yo = false,
         prereform = false, lookalikes = false;
    size_t top = 20;
    bool exact = false;
    bool allow_missing = false;
};

// "0.05" or "5%" as a fraction; -1 when the option was not given. Anything else, also an empty
// value or "nan" (which compares false with every CER and would turn the gate off), is a usage
// error.
double parse_gate(const std::string& text, bool given) {
    if (!given) return -1;
    std::string number = text;
    bool percent = !number.empty() && number.back() == '%';
    if (percent) number.pop_back();
    size_t used = 0;
    double v = -1;
    try {
        v = std::stod(number, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (number.empty() || used != number.size() || !std::isfinite(v) || v < 0 ||
        (!percent && v > 1) || (percent && v > 100))
        throw UsageError(
            "--max-cer",
            "wants a fraction 0..1 or a percentage, e.g. 0.05 or 5%; got '" + text + "'");
    return percent ? v / 100 : v;
}

eval::NormalizeOptions normalization(const EvalOptions& o) {
    eval::NormalizeOptions n = eval::parse_normalizations(o.normalize);
    if (o.no_whitespace) n.whitespace = false;
    if (o.hyphens) n.hyphens = true;
    if (o.casefold) n.casefold = true;
    if (o.punctuation) n.punctuation = true;
    if (o.yo) n.yo = true;
    if (o.prereform) n.prereform = true;
    if (o.lookalikes) n.lookalikes = true;
    return n;
}

int run_eval(const EvalOptions& o) {
    double gate = parse_gate(o.max_cer, o.max_cer_given);
    eval::EvalSettings settings;
    settings.normalize = normalization(o);
    if (o.exact) settings.align.exact_cells = 0;
    settings.keep_comparisons = !o.html.empty();

    check_not_an_input(o.html, {o.reference, o.hypothesis});
    check_writable(o.html);
    eval::Pairing pairing = eval::pair_files(o.reference, o.hypothesis);
    eval::EvalReport report = eval::evaluate_files(pairing, settings);
    // One pair that cannot be read is bad input, not a partial batch.
    if (pairing.pairs.size() == 1 && pairing.missing_hypotheses.empty() && report.pages.empty() &&
        !report.failures.empty()) {
        print_error(report.failures.front().message);
        return kExitInput;
    }

    eval::ReportOptions ro;
    ro.top = o.top;
    std::string out =
        o.json ? eval::render_json_report(report, ro) : eval::render_text_report(report, ro);
    write_to_stdout(out);
    if (!o.html.empty()) write_file_atomically(o.html, eval::render_html_report(report, ro));

    int code = kExitOk;
    for (const auto& m : report.missing_hypotheses) {
        print_error("missing hypothesis for " + m);
        if (!o.allow_missing) code = kExitFailure;
    }
    for (const auto& m : report.missing_references) print_error("warning: no reference for " + m);
    for (const auto& f : report.failures) {
        print_error(f.message);
        code = kExitFailure;
    }
    if (pairing.pairs.empty()) {
        print_error("no pages to compare");
        code = kExitFailure;
    }
    if (gate >= 0 && report.cer() > gate) {
        print_error("CER " + eval::format_percent(report.cer()) + " exceeds --max-cer " +
                    eval::format_percent(gate));
        code = kExitFailure;
    }
    return code;
}

}  // namespace

void add_eval_command(CLI::App& app) {
    auto o = std::make_shared<EvalOptions>();
    CLI::App* cmd = app.add_subcommand(
        "eval",
        "Character and word error rates of a hypothesis against a reference.\n"
        "REF and HYP are two files, or two folders paired by page name (page-01.gt.txt <-> "
        "page-01.txt).\nFormats (plain text, ALTO, PAGE, hOCR) are detected from content.");
    cmd->add_option("REF", o->reference, "reference file or folder")->required();
    cmd->add_option("HYP", o->hypothesis, "hypothesis file or folder")->required();
    cmd->add_flag("--json", o->json, "print one JSON object instead of the text report");
    cmd->add_option("--html", o->html, "also write a self-contained HTML report to FILE")
        ->type_name("FILE");
    CLI::Option* gate =
        cmd->add_option("--max-cer", o->max_cer,
                        "exit with code 1 when the total CER exceeds X (0.05 or 5%)")
            ->type_name("X");
    cmd->add_option("--normalize", o->normalize,
                    "comma-separated normalisations: whitespace, hyphens, case, punctuation, yo, "
                    "prereform, lookalikes, all, none; -name turns one off (default: whitespace)")
        ->type_name("LIST");
    cmd->add_flag("--no-whitespace", o->no_whitespace, "count every space and line break");
    cmd->add_flag("--hyphens,--join-hyphens", o->hyphens, "join words split at line ends");
    cmd->add_flag("--case,--ignore-case", o->casefold, "ignore letter case");
    cmd->add_flag("--punctuation,--ignore-punctuation", o->punctuation, "ignore punctuation");
    cmd->add_flag("--yo", o->yo, "read ё as е");
    cmd->add_flag("--prereform", o->prereform,
                  "read ѣ, і, ѳ, ѵ and word-final ъ as modern spelling");
    cmd->add_flag("--lookalikes", o->lookalikes, "read Latin look-alike letters as Cyrillic");
    cmd->add_option("--top", o->top, "rows in the confusion and wrong-word lists")
        ->capture_default_str();
    cmd->add_flag("--exact", o->exact, "align long texts exactly (slow above ~10 000 characters)");
    cmd->add_flag("--allow-missing", o->allow_missing,
                  "do not fail when a reference has no hypothesis (still reported)");
    cmd->callback([o, gate] {
        o->max_cer_given = gate->count() > 0;
        exit_code() = guarded([&] { return run_eval(*o); });
    });
}

}  // namespace scanfix::cli
