// Planning a batch: shard selection, page counts, resume (see plan.hpp).
#include "scanfix/batch/plan.hpp"

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace scanfix::batch {

BatchPlan plan_batch(const InputList& inputs, const OutputLayout& layout, const PlanOptions& opt) {
    BatchPlan plan;
    for (size_t i : shard_positions(inputs.files.size(), opt.shard)) {
        const std::string& file = inputs.files[i];
        int pages = 0;
        try {
            pages = count_pages(file);
        } catch (const InputError& e) {
            plan.failures.push_back({file, -1, e.reason(), kExitInput});
            continue;
        }
        // The pages of a file are cleaned as one document, so a file is redone whole unless
        // every one of its pages was finished.
        std::vector<PageTask> tasks;
        bool finished = opt.resume;
        for (int p = 0; p < pages; ++p) {
            tasks.push_back({file, p, pages, page_stem(layout.file_stem(i), p, pages)});
            finished = finished && outputs_complete(output_paths(tasks.back().stem, opt.targets));
        }
        if (finished) {
            plan.finished_before += tasks.size();
            continue;
        }
        for (PageTask& task : tasks) plan.todo.push_back(std::move(task));
    }
    return plan;
}

}  // namespace scanfix::batch
