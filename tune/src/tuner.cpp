// The two-level search of tune_profile: cleanup parameters on cached recognitions, then the
// parameters that change recognition, alternating until neither moves; see tuner.hpp.
#include "scanfix/tune/tuner.hpp"

#include <algorithm>
#include <limits>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace scanfix::tune {
namespace {

bool wanted(const std::string& key, const std::vector<std::string>& only) {
    if (only.empty()) return true;
    for (const std::string& prefix : only)
        if (key.rfind(prefix, 0) == 0) return true;
    return false;
}

bool searchable(const ParamSpec& s) {
    if (!s.tunable || s.type == ParamType::List) return false;
    return s.type != ParamType::Choice || !s.choices.empty();
}

// The value a profile gives a parameter: its own entry, else the parameter's default.
std::string value_in(const Profile& profile, const ParamSpec& spec) {
    const ProfileEntry* e = profile.find(spec.name);
    return e && !e->is_list && !e->values.empty() ? e->values[0] : spec.default_value;
}

Profile with_values(const Profile& base, const Assignment& values) {
    Profile p = base;
    for (const auto& [key, value] : values) p.set(key, value);
    return p;
}

// Scores assignments on one set of pages: each page's cached recognition, copied, cleaned
// with the assignment's cleanup values and compared with its reference.
class PageScorer {
  public:
    PageScorer(const std::vector<TunePage>& pages, const Profile& base, const Context& ctx,
               RecognitionCache& cache)
        : pages_(pages), base_(base), ctx_(ctx), cache_(cache) {
        for (const TunePage& page : pages_)
            references_.push_back(eval::load_reference(page.reference));
    }

    // The CER of the pages with these values. Values that do not go together (a parameter
    // struct's validate() refuses them, e.g. a smallest size above the largest) score
    // infinity, so the search passes over them; with `strict` they throw ConfigError.
    double cer(const Assignment& values, bool strict = false) {
        if (auto it = memo_.find(values); it != memo_.end()) return it->second;
        try {
            return memo_[values] = measure(values);
        } catch (const ConfigError&) {
            if (strict) throw;
            return memo_[values] = std::numeric_limits<double>::infinity();
        }
    }

  private:
    double measure(const Assignment& values) {
        // A trial's own pipeline: cheap to build (lexicons are shared), and it checks the
        // values as a run would.
        const Pipeline trial(with_values(base_, values), ctx_);
        eval::EditCounts total;
        for (size_t i = 0; i < pages_.size(); ++i) {
            Document doc = cache_.recognised(pages_[i].image, trial);
            trial.clean(doc);
            total += eval::evaluate(references_[i], render_text(doc, Layout::Reading)).characters;
        }
        return total.rate();
    }

    const std::vector<TunePage>& pages_;
    const Profile& base_;
    const Context& ctx_;
    RecognitionCache& cache_;
    std::vector<std::string> references_;
    std::map<Assignment, double> memo_;
};

}  // namespace

std::vector<ParamSpec> searched_params(const TuneSettings& settings) {
    std::vector<ParamSpec> out;
    for (ParamSpec s : pipeline_param_specs()) {
        if (s.name == "ocr.psm") {
            s.type = ParamType::Choice;
            s.choices = settings.page_segmentation_modes;
        } else if (s.name == "ocr.lang") {
            if (settings.languages.size() < 2) continue;
            s.choices = settings.languages;
        }
        if (searchable(s) && wanted(s.name, settings.only)) out.push_back(std::move(s));
    }
    return out;
}

TuneResult tune_profile(const PageSplit& split, const Profile& base, const Context& ctx,
                        const TuneSettings& settings, const RecognizerFactory& factory,
                        const ProgressSink& progress) {
    if (split.train.empty()) throw InputError("", "no pages with a reference to tune on");
    Profile start_profile = base;
    if (!settings.languages.empty()) start_profile.set("ocr.lang", settings.languages.front());

    const std::vector<ParamSpec> specs = searched_params(settings);
    std::vector<ParamSpec> cleanup_specs, recognition_specs;
    Assignment start;
    for (const ParamSpec& s : specs) {
        start[s.name] = value_in(start_profile, s);
        (changes_recognition(s.name) ? recognition_specs : cleanup_specs).push_back(s);
    }

    RecognitionCache cache(ctx, settings.load, factory);
    PageScorer train(split.train, start_profile, ctx, cache);
    PageScorer holdout(split.holdout, start_profile, ctx, cache);
    SearchBudget budget(settings.max_trials, settings.time_limit);
    SearchOptions cleanup_options, recognition_options;
    cleanup_options.max_passes = settings.cleanup_passes;
    recognition_options.max_passes = settings.recognition_passes;
    cleanup_options.min_improvement = recognition_options.min_improvement =
        settings.min_improvement;

    auto observer_for = [&](const char* phase) -> TrialObserver {
        if (!progress) return {};
        return [&, phase](const TrialEvent& e) {
            progress({phase, e.spec->name, e.value, e.score, e.best, e.trials, cache.recognitions(),
                      budget.seconds()});
        };
    };
    const Objective objective = [&](const Assignment& a) { return train.cer(a); };

    TuneResult result;
    Assignment current = start;
    result.train_before = train.cer(current, /*strict=*/true);
    result.train_after = result.train_before;
    for (int round = 0; round < settings.max_rounds && !budget.spent(); ++round) {
        SearchResult inner = coordinate_descent(cleanup_specs, current, objective, budget,
                                                cleanup_options, observer_for("cleanup"));
        current = inner.best;
        result.train_after = inner.score;
        SearchResult outer = coordinate_descent(recognition_specs, current, objective, budget,
                                                recognition_options, observer_for("recognition"));
        const bool moved = outer.best != current;
        current = outer.best;
        result.train_after = outer.score;
        if (!moved && inner.converged && outer.converged) {
            result.converged = true;
            break;
        }
    }

    for (const TunePage& p : split.train) result.train_pages.push_back(p.name);
    for (const TunePage& p : split.holdout) result.holdout_pages.push_back(p.name);
    if (result.held_out()) {
        result.holdout_before = holdout.cer(start, /*strict=*/true);
        result.holdout_after = holdout.cer(current);
    }
    for (const ParamSpec& s : specs) {
        const std::string before = value_in(base, s), after = current.at(s.name);
        if (before != after) result.changes.push_back({s.name, before, after});
    }
    // A language given on the command line but not searched is still a change to write.
    const bool lang_searched = std::any_of(specs.begin(), specs.end(),
                                           [](const ParamSpec& s) { return s.name == "ocr.lang"; });
    if (!lang_searched && !settings.languages.empty()) {
        const ProfileEntry* e = base.find("ocr.lang");
        const std::string before = e && !e->values.empty() ? e->values[0] : OcrParams().lang;
        if (before != settings.languages.front())
            result.changes.push_back({"ocr.lang", before, settings.languages.front()});
        std::sort(result.changes.begin(), result.changes.end(),
                  [](const ParameterChange& a, const ParameterChange& b) { return a.key < b.key; });
    }
    result.trials = budget.trials();
    result.recognitions = cache.recognitions();
    result.preprocessings = cache.preprocessings();
    result.seconds = budget.seconds();
    return result;
}

std::string tuned_profile_yaml(const TuneResult& result, const std::string& extends) {
    Profile changes;
    if (!extends.empty()) changes.set("extends", extends);
    for (const ParameterChange& c : result.changes) changes.set(c.key, c.after);
    return changes.to_yaml();
}

}  // namespace scanfix::tune
