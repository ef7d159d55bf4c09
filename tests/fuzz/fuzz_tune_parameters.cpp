// Fuzz target: tune's parameter handling, without recognition. The input is lines of options as
// `scanfix tune` takes them (`--base NAME` of a bundled profile, `--lang A,B`, `--only P,Q`,
// `--holdout X`, `--seed N`, `--pages N`, `--max-trials N`) and `key=value` lines that set the
// base profile's values (as `--set` writes them). The base is validated as tune validates it,
// the pages split into training and held-out ones, the search space built (searched_params) and
// searched by the two alternating coordinate descents of tune_profile on a made-up objective,
// where every trial's values are checked as a run reads them (a trial a pipeline refuses scores
// infinity, as in tune). The tuned profile is written as YAML and read back.
// Invariants: every value tried is within its parameter's range or choices; the split keeps
// every page once and at least one for training; the profile read back holds exactly the base
// with the changes; the tuned profile is one a pipeline accepts. Expected failures are the
// library's own errors on the base and the settings (ConfigError, UsageError, OcrError for a
// language not installed) before the search; inside it only ConfigError, for a trial's values
// that do not go together. Anything else is a finding.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "scanfix/tune/page_set.hpp"
#include "scanfix/tune/recognition_cache.hpp"
#include "scanfix/tune/search.hpp"
#include "scanfix/tune/tuner.hpp"

namespace {

using scanfix::tune::Assignment;

[[noreturn]] void finding(const std::string& what) {
    std::fprintf(stderr, "%s\n", what.c_str());
    __builtin_trap();
}

// The bundled profiles a base may name, loaded once.
const std::map<std::string, scanfix::Profile>& bundled() {
    static const std::map<std::string, scanfix::Profile> profiles = [] {
        std::map<std::string, scanfix::Profile> m;
        for (const char* name : {"default", "ehri"})
            m[name] = scanfix::Profile::load(name, scanfix::profiles_dir());
        return m;
    }();
    return profiles;
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    for (std::string one; std::getline(ss, one, ',');)
        if (!one.empty()) out.push_back(one);
    return out;
}

bool whole_number(const std::string& s, long lo, long hi, long& out) {
    char* end = nullptr;
    out = std::strtol(s.c_str(), &end, 10);
    return !s.empty() && *end == '\0' && out >= lo && out <= hi;
}

// A made-up error rate: a hash of the values, in steps of 1/64 so that trials tie and improve.
double made_up_cer(const Assignment& a) {
    uint64_t h = 1469598103934665603ull;
    for (const auto& [key, value] : a)
        for (char c : key + '=' + value + ';') h = (h ^ uint8_t(c)) * 1099511628211ull;
    return double(h % 64) / 64.0;
}

scanfix::Profile with_values(const scanfix::Profile& base, const Assignment& values) {
    scanfix::Profile p = base;
    for (const auto& [key, value] : values) p.set(key, value);
    return p;
}

// The value a profile gives a parameter, as tune_profile starts from it.
std::string value_in(const scanfix::Profile& profile, const scanfix::ParamSpec& spec) {
    const scanfix::ProfileEntry* e = profile.find(spec.name);
    return e && !e->is_list && !e->values.empty() ? e->values[0] : spec.default_value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace tune = scanfix::tune;
    static const std::vector<scanfix::ParamSpec> all_specs = scanfix::pipeline_param_specs();
    const std::string text(reinterpret_cast<const char*>(data), size);

    std::string base_name = "default";
    std::vector<std::string> overrides;
    tune::TuneSettings settings;
    double holdout = 0.3;
    long seed = 1, pages = 3, max_trials = 60;
    std::stringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty()) continue;
        if (line.rfind("--", 0) != 0) {
            overrides.push_back(line);
            continue;
        }
        const size_t space = line.find(' ');
        const std::string option = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        if (option == "--base") {
            if (!bundled().count(value)) return 0;  // the CLI: profile not found
            base_name = value;
        } else if (option == "--lang") {
            settings.languages = split_commas(value);
        } else if (option == "--only") {
            settings.only = split_commas(value);
        } else if (option == "--holdout") {
            char* end = nullptr;
            holdout = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0') return 0;
        } else if (option == "--seed") {
            if (!whole_number(value, 0, std::numeric_limits<long>::max(), seed)) return 0;
        } else if (option == "--pages") {
            if (!whole_number(value, 1, 40, pages)) return 0;
        } else if (option == "--max-trials") {
            // Capped: each trial builds a pipeline.
            if (!whole_number(value, 1, 100, max_trials)) return 0;
        } else {
            return 0;  // the CLI: unknown option
        }
    }

    // The base profile and the settings, checked as `scanfix tune` checks them.
    scanfix::Profile base = bundled().at(base_name);
    std::vector<tune::TunePage> page_list;
    try {
        for (const std::string& kv : overrides) base.set_override(kv, "--set");
        scanfix::validate_profile(base, all_specs);
        if (!(holdout >= 0 && holdout < 1)) return 0;  // the CLI's usage error
        for (const std::string& lang : settings.languages) scanfix::check_languages_installed(lang);
    } catch (const scanfix::ConfigError&) {
        return 0;
    } catch (const scanfix::UsageError&) {
        return 0;
    } catch (const scanfix::OcrError&) {
        return 0;
    }

    for (long i = 0; i < pages; ++i) {
        const std::string name = "page-" + std::to_string(100 + i);
        page_list.push_back({name, name + ".png", name + ".gt.txt"});
    }
    const tune::PageSplit split = tune::split_pages(page_list, holdout, uint64_t(seed));
    const tune::PageSplit again = tune::split_pages(page_list, holdout, uint64_t(seed));
    std::set<std::string> names;
    for (const auto* part : {&split.train, &split.holdout})
        for (const tune::TunePage& p : *part)
            if (!names.insert(p.name).second) finding("a page in the split twice: " + p.name);
    if (names.size() != page_list.size()) finding("the split lost pages");
    if (split.train.empty()) finding("no page left for training");
    if (pages >= 2 && holdout > 0 && split.holdout.empty()) finding("nothing held out");
    if (split.train.size() != again.train.size()) finding("the split is not reproducible");

    // The search space and the start, as tune_profile builds them.
    scanfix::Profile start_profile = base;
    if (!settings.languages.empty()) start_profile.set("ocr.lang", settings.languages.front());
    const std::vector<scanfix::ParamSpec> specs = tune::searched_params(settings);
    std::vector<scanfix::ParamSpec> cleanup_specs, recognition_specs;
    Assignment start;
    for (const scanfix::ParamSpec& s : specs) {
        if (!(s.min <= s.max)) finding("empty range of " + s.name);
        start[s.name] = value_in(start_profile, s);
        (tune::changes_recognition(s.name) ? recognition_specs : cleanup_specs).push_back(s);
    }

    scanfix::Context ctx;
    ctx.profile = &base;
    ctx.data_dir = scanfix::data_dir();
    // Every value a trial tries must be in its parameter's declared range, and a value the
    // search made (not the start's) also among the searched choices (ocr.psm, ocr.lang); a
    // trial a pipeline refuses scores infinity.
    std::map<Assignment, double> memo;
    auto cer = [&](const Assignment& a, bool strict) {
        if (auto it = memo.find(a); it != memo.end()) return it->second;
        scanfix::Profile tried, made;
        for (const auto& [key, value] : a) {
            tried.set(key, value, "(trial)");
            if (value != start.at(key)) made.set(key, value, "(trial)");
        }
        try {
            scanfix::validate_profile(tried, all_specs);
            scanfix::validate_profile(made, specs);
        } catch (const scanfix::ConfigError& e) {
            finding(std::string("a trial outside its parameter's range: ") + e.what());
        }
        try {
            const scanfix::Pipeline trial(with_values(start_profile, a), ctx);
            return memo[a] = made_up_cer(a);
        } catch (const scanfix::ConfigError&) {
            if (strict) throw;
            return memo[a] = std::numeric_limits<double>::infinity();
        }
    };
    try {
        cer(start, /*strict=*/true);
    } catch (const scanfix::Error&) {
        return 0;  // values that do not go together, a missing word list: tune refuses the base
    }
    const tune::Objective objective = [&](const Assignment& a) { return cer(a, false); };
    tune::SearchBudget budget(int(max_trials), 0);
    tune::SearchOptions cleanup_options, recognition_options;
    cleanup_options.max_passes = settings.cleanup_passes;
    recognition_options.max_passes = settings.recognition_passes;
    cleanup_options.min_improvement = recognition_options.min_improvement =
        settings.min_improvement;
    Assignment current = start;
    for (int round = 0; round < settings.max_rounds && !budget.spent(); ++round) {
        current =
            tune::coordinate_descent(cleanup_specs, current, objective, budget, cleanup_options)
                .best;
        current = tune::coordinate_descent(recognition_specs, current, objective, budget,
                                           recognition_options)
                      .best;
    }
    if (!std::isfinite(cer(current, false))) finding("the search kept values a pipeline refuses");

    // The tuned profile: written, read back, and read as run reads it.
    tune::TuneResult result;
    for (const scanfix::ParamSpec& s : specs) {
        const std::string before = value_in(base, s), after = current.at(s.name);
        if (before != after) result.changes.push_back({s.name, before, after});
    }
    const std::string yaml = tune::tuned_profile_yaml(result, base_name);
    scanfix::Profile read_back;
    try {
        read_back = scanfix::Profile::parse(yaml, "tuned.yaml", scanfix::profiles_dir());
    } catch (const scanfix::ConfigError& e) {
        finding(std::string("the tuned profile does not read back: ") + e.what() + "\n" + yaml);
    }
    scanfix::Profile expected = bundled().at(base_name);
    for (const tune::ParameterChange& c : result.changes) expected.set(c.key, c.after);
    if (read_back.entries().size() != expected.entries().size())
        finding("the tuned profile read back has other keys\n" + yaml);
    for (const auto& [key, entry] : expected.entries()) {
        const scanfix::ProfileEntry* e = read_back.find(key);
        if (!e || e->values != entry.values || e->is_list != entry.is_list)
            finding("the tuned profile read back changed '" + key + "'\n" + yaml);
    }
    scanfix::Profile tuned = base;
    for (const tune::ParameterChange& c : result.changes) tuned.set(c.key, c.after);
    try {
        const scanfix::Pipeline run(tuned, ctx);
    } catch (const scanfix::ConfigError& e) {
        finding(std::string("the tuned profile is refused: ") + e.what());
    }
    return 0;
}
