// `scanfix tune` as a library call: searches the registered parameters of preprocessing, OCR and
// cleanup for the lowest character error rate on pages with references, and reports the change
// on pages held out of the search. Two levels: settings that change what Tesseract reads are
// recognised once per page and cached (recognition_cache.hpp); cleanup settings are tried on
// copies of the cached pages, in milliseconds per trial.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/tune/page_set.hpp"
#include "scanfix/tune/recognition_cache.hpp"
#include "scanfix/tune/search.hpp"

namespace scanfix::tune {

struct TuneSettings {
    // Values of ocr.lang to try ("rus", "rus+eng"); the first is where the search starts.
    // Empty: the base profile's language, not searched.
    std::vector<std::string> languages;
    // Page segmentation modes tried for ocr.psm: those that read a whole page.
    std::vector<std::string> page_segmentation_modes = {"3", "4", "6", "11"};
    // Only keys starting with one of these are searched; empty = every tunable parameter.
    std::vector<std::string> only;
    int max_trials = 0;     // 0 = no limit
    double time_limit = 0;  // seconds; 0 = no limit
    int max_rounds = 3;     // alternations of the cleanup and the recognition search
    // Sweeps of one coordinate descent over the cleanup parameters (milliseconds a trial) and
    // over those that change recognition (a recognition of every training page a trial).
    int cleanup_passes = 4;
    int recognition_passes = 2;
    // A new value must lower the training CER by more than this (a guard against fitting the
    // training pages' accidents: 0.0005 is 3 characters in 6000).
    double min_improvement = 0.0005;
    LoadOptions load;
};

// One progress report: after each trial.
struct TuneProgress {
    std::string phase;  // "cleanup" or "recognition"
    std::string key, value;
    double cer = 0;       // this trial's training CER
    double best_cer = 0;  // best training CER so far
    int trials = 0;
    int recognitions = 0;
    double seconds = 0;
};
using ProgressSink = std::function<void(const TuneProgress&)>;

struct ParameterChange {
    std::string key, before, after;
};

struct TuneResult {
    std::vector<std::string> train_pages, holdout_pages;  // page names
    double train_before = 0, train_after = 0;
    double holdout_before = 0, holdout_after = 0;  // 0 when nothing is held out
    std::vector<ParameterChange> changes;          // against the base profile, by key
    int trials = 0;
    int recognitions = 0;    // pages given to the recognizer, held-out pages included
    int preprocessings = 0;  // image files preprocessed (settings that left the images as
                             // they were cost one of these, not a recognition)
    double seconds = 0;
    bool converged = false;  // false: the trial or time budget ended the search

    bool held_out() const { return !holdout_pages.empty(); }
};

// The parameters tune searches: every tunable Int/Double/Bool spec and every Choice with a list
// of choices, of preprocessing, OCR and cleanup; ocr.psm and ocr.lang as choices from the
// settings (ocr.lang only with two languages or more), and only those under settings.only.
std::vector<ParamSpec> searched_params(const TuneSettings& settings);

// Tunes on `split.train`, measures `split.holdout` before and after. `base` is the profile the
// search starts from (with ctx.data_dir set, as for run). Throws InputError for an unreadable
// page or reference, OcrError, ConfigError.
TuneResult tune_profile(const PageSplit& split, const Profile& base, const Context& ctx,
                        const TuneSettings& settings, const RecognizerFactory& factory,
                        const ProgressSink& progress = {});

// The tuned profile as YAML: `extends: <base>` and the changed keys only.
std::string tuned_profile_yaml(const TuneResult& result, const std::string& extends);

}  // namespace scanfix::tune
