// Coordinate descent over self-described parameters; see search.hpp.
#include "scanfix/tune/search.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>

namespace scanfix::tune {

SearchBudget::SearchBudget(int max_trials, double max_seconds)
    : max_trials_(max_trials),
      max_seconds_(max_seconds),
      start_(std::chrono::steady_clock::now()) {}

double SearchBudget::seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

bool SearchBudget::spent() const {
    if (max_trials_ > 0 && trials_ >= max_trials_) return true;
    return max_seconds_ > 0 && seconds() >= max_seconds_;
}

namespace {

// Multiples of the current value tried on a pass: wide first, then closer around the value
// the earlier passes settled on (each pass takes the square root of the factors).
std::vector<double> factors(int pass) {
    std::vector<double> f = {0.5, 0.7, 1.4, 2.0};
    for (double& x : f) x = std::pow(x, 1.0 / double(1 << std::min(pass, 8)));
    return f;
}

// Three significant digits: values a person can read in a profile, and no two candidates
// that differ only in the sixth digit.
double round_significant(double v) {
    if (v == 0 || !std::isfinite(v)) return v;
    double scale = std::pow(10.0, 2 - std::floor(std::log10(std::abs(v))));
    return std::round(v * scale) / scale;
}

void add_unique(std::vector<std::string>& out, const std::string& v, const std::string& current) {
    if (v != current && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
}

std::vector<std::string> double_candidates(const ParamSpec& s, double cur, int pass) {
    std::vector<double> values;
    const double span = s.max - s.min;
    if (std::abs(cur) < 1e-9 * std::max(1.0, span)) {
        // Nothing to multiply: step up from zero by shares of the range.
        for (double share : {0.05, 0.2}) values.push_back(cur + span * share / double(1 << pass));
    } else {
        for (double f : factors(pass)) values.push_back(cur * f);
        // A lower bound of zero usually switches a threshold off; worth one look.
        if (pass == 0 && s.min == 0) values.push_back(0);
    }
    std::vector<std::string> out;
    const std::string current = format_param_value(cur);
    for (double v : values)
        add_unique(out, format_param_value(std::clamp(round_significant(v), s.min, s.max)),
                   current);
    return out;
}

std::vector<std::string> int_candidates(const ParamSpec& s, int cur, int pass) {
    const int lo = int(s.min), hi = int(s.max);
    std::vector<int> values;
    if (hi - lo <= 10 && pass == 0) {
        for (int v = lo; v <= hi; ++v) values.push_back(v);
    } else {
        values = {cur - 1, cur + 1};
        if (cur != 0)
            for (double f : factors(pass)) values.push_back(int(std::lround(cur * f)));
        else
            values.push_back(cur + std::max(1, (hi - lo) / (10 << pass)));
    }
    std::vector<std::string> out;
    for (int v : values)
        add_unique(out, format_param_value(std::clamp(v, lo, hi)), format_param_value(cur));
    return out;
}

}  // namespace

std::vector<std::string> candidate_values(const ParamSpec& spec, const std::string& current,
                                          int pass) {
    if (!spec.tunable) return {};
    std::vector<std::string> out;
    switch (spec.type) {
        case ParamType::Double:
            return double_candidates(spec, std::strtod(current.c_str(), nullptr), pass);
        case ParamType::Int:
            return int_candidates(spec, int(std::strtol(current.c_str(), nullptr, 10)), pass);
        case ParamType::Bool:
            return {current == "true" ? "false" : "true"};
        case ParamType::Choice:
            for (const std::string& c : spec.choices) add_unique(out, c, current);
            return out;
        case ParamType::List:
            return {};
    }
    return {};
}

SearchResult coordinate_descent(const std::vector<ParamSpec>& specs, const Assignment& start,
                                const Objective& objective, SearchBudget& budget,
                                const SearchOptions& options, const TrialObserver& observer) {
    SearchResult result;
    result.best = start;
    for (const ParamSpec& s : specs) result.best.emplace(s.name, s.default_value);

    std::map<Assignment, double> seen;
    // The score of an assignment, from memory when it was tried before; nothing once the
    // budget is spent.
    auto score_of = [&](const Assignment& a) -> std::optional<double> {
        if (auto it = seen.find(a); it != seen.end()) return it->second;
        if (budget.spent()) return std::nullopt;
        budget.count_trial();
        double v = objective(a);
        seen.emplace(a, v);
        return v;
    };

    // The starting point is always scored, even on a spent budget: the caller needs it.
    budget.count_trial();
    result.score = result.start_score = objective(result.best);
    seen.emplace(result.best, result.score);

    // A pass that changes nothing still narrows the numeric steps for the next; only a second
    // such pass in a row ends the search.
    int unchanged = 0;
    for (int pass = 0; pass < options.max_passes; ++pass) {
        bool changed = false;
        for (const ParamSpec& spec : specs) {
            std::string best_value = result.best[spec.name];
            double best_score = result.score;
            for (const std::string& value : candidate_values(spec, best_value, pass)) {
                Assignment trial = result.best;
                trial[spec.name] = value;
                std::optional<double> s = score_of(trial);
                if (!s) {
                    // Budget spent: keep what was found so far, this parameter included.
                    if (best_score < result.score - options.min_improvement) {
                        result.best[spec.name] = best_value;
                        result.score = best_score;
                    }
                    return result;
                }
                if (*s < best_score) {
                    best_score = *s;
                    best_value = value;
                }
                if (observer) observer({&spec, value, *s, result.score, budget.trials()});
            }
            if (best_value != result.best[spec.name] &&
                best_score < result.score - options.min_improvement) {
                result.best[spec.name] = best_value;
                result.score = best_score;
                changed = true;
            }
        }
        unchanged = changed ? 0 : unchanged + 1;
        if (unchanged == 2) {
            result.converged = true;
            break;
        }
    }
    return result;
}

}  // namespace scanfix::tune
