// A batch's plan: the pages of this shard's input files, minus those already finished by an
// earlier run when resuming. Files that cannot even be opened become failures of the plan.
#pragma once

#include <string>
#include <vector>

#include "scanfix/batch/inputs.hpp"
#include "scanfix/batch/output_layout.hpp"
#include "scanfix/batch/shard.hpp"

namespace scanfix::batch {

// One page to process.
struct PageTask {
    std::string source;  // input file
    int page = 0;        // 0-based page within the file
    int pages = 1;       // pages in the file
    std::string stem;    // output stem below each target's folder (page_stem)
};

// A page that could not be processed, and why.
struct PageFailure {
    std::string source;
    int page = -1;  // 0-based page of a multi-page file; -1: the whole file or its only page
    std::string reason;
    int exit_code = 1;  // scanfix::ExitCode of the error's kind (3 bad input, 5 engine, 1 other)
};

struct PlanOptions {
    Shard shard;
    bool resume = false;                // skip files whose pages' outputs are all complete
    std::vector<OutputTarget> targets;  // every file a finished page has
};

struct BatchPlan {
    std::vector<PageTask> todo;
    size_t finished_before = 0;  // pages skipped because an earlier run completed them
    std::vector<PageFailure> failures;
};

// Counts the pages of the shard's files (without decoding them) and lists the work.
BatchPlan plan_batch(const InputList& inputs, const OutputLayout& layout, const PlanOptions& opt);

}  // namespace scanfix::batch
