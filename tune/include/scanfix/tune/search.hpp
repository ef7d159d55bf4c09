// The search over parameter values: coordinate descent over a list of ParamSpecs, one parameter
// at a time, keeping a new value only when it lowers the objective. Numbers are tried at
// multiples of their current value (x0.5 ... x2), narrowed on each later pass; booleans and
// choices try every other value. Knows nothing of OCR: tuner.hpp supplies the objective.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "scanfix/core/params.hpp"

namespace scanfix::tune {

// Parameter values by full key, as a profile would set them.
using Assignment = std::map<std::string, std::string>;

// Lower is better (an error rate).
using Objective = std::function<double(const Assignment&)>;

// Trials and seconds shared by every search of one tuning run; 0 = no limit.
class SearchBudget {
  public:
    SearchBudget(int max_trials = 0, double max_seconds = 0);
    bool spent() const;
    void count_trial() { ++trials_; }
    int trials() const { return trials_; }
    double seconds() const;

  private:
    int max_trials_;
    double max_seconds_;
    int trials_ = 0;
    std::chrono::steady_clock::time_point start_;
};

struct SearchOptions {
    int max_passes = 4;          // full sweeps over the parameters
    double min_improvement = 0;  // a new value must lower the objective by more than this
};

// What one trial tried and scored, for progress lines.
struct TrialEvent {
    const ParamSpec* spec = nullptr;  // the parameter being varied
    std::string value;                // the value tried
    double score = 0;
    double best = 0;  // score of the values kept so far (this trial not yet weighed)
    int trials = 0;   // trials counted by the budget so far
};
using TrialObserver = std::function<void(const TrialEvent&)>;

struct SearchResult {
    Assignment best;
    double score = 0;        // objective at `best`
    double start_score = 0;  // objective at the start
    bool converged = false;  // two passes in a row changed nothing (else the budget or the
                             // passes ran out)
};

// The values coordinate descent tries for `spec` besides `current` on pass `pass` (0-based),
// inside the spec's range, formatted as a profile writes them. Empty for List specs, for
// choices without a list of choices, and for specs with tunable = false.
std::vector<std::string> candidate_values(const ParamSpec& spec, const std::string& current,
                                          int pass);

// Minimises `objective` from `start` by varying the keys of `specs` one at a time. Keys of
// `start` not in `specs` are passed through unchanged; a spec missing from `start` starts at its
// default. Every objective call not answered from memory counts one trial against `budget`.
SearchResult coordinate_descent(const std::vector<ParamSpec>& specs, const Assignment& start,
                                const Objective& objective, SearchBudget& budget,
                                const SearchOptions& options = {},
                                const TrialObserver& observer = {});

}  // namespace scanfix::tune
