// `scanfix run -o DIR`: a batch over files, folders, manifests and PDFs, page by page on -j
// workers, with --resume and --shard K/N. The machinery is the library's (batch/); this file
// builds the per-worker page pipeline and reports progress and the summary on stderr.
#pragma once

#include <string>
#include <vector>

#include "outputs.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace scanfix::cli {

struct BatchRequest {
    std::vector<std::string> inputs;     // files and folders
    std::vector<std::string> manifests;  // files listing inputs, one per line
    std::string output_dir;
    std::string report_dir;  // empty: no cleanup reports
    std::string debug_dir;
    int jobs = 1;
    bool resume = false;
    std::string shard;  // "K/N", empty = everything
    LoadOptions load;
    OutputOptions out;
    const Profile* profile = nullptr;
    bool verbose = false;
};

// Runs the batch; returns the exit code (0 all pages done; 1 some failed; the error's own code
// when the only input failed; 128 + signal when interrupted).
int run_batch(const BatchRequest& request);

}  // namespace scanfix::cli
