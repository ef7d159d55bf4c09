// The pages of one input file, read on different workers, come together here into one
// document, so that the cleanup sees a multi-page PDF or TIFF whole (a word hyphenated across
// a page break, a page number on every page) exactly as it does without a batch.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "scanfix/batch/plan.hpp"
#include "scanfix/core/page.hpp"

namespace scanfix::batch {

// The pages of one file that were read, in page order, with their tasks.
struct AssembledDocument {
    std::vector<const PageTask*> tasks;
    Document pages;
};

class DocumentAssembly {
  public:
    // `tasks` must outlive the assembly; a file is complete when each of its tasks is in.
    explicit DocumentAssembly(const std::vector<PageTask>& tasks);

    // Hands in one task's page, or nothing when the page failed. Returns the file's document
    // when this was the last of its tasks (failed pages left out), else nothing. Thread-safe.
    std::optional<AssembledDocument> add(const PageTask& task, std::optional<Page> page);

  private:
    struct Pending {
        size_t expected = 0, arrived = 0;
        std::map<int, std::pair<const PageTask*, Page>> pages;  // by page number
    };
    std::mutex mutex_;
    std::map<std::string, Pending> files_;
};

}  // namespace scanfix::batch
