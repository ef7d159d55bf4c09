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
        for (int p = 0; p < pages; ++p) {
            PageTask task{file, p, pages, page_stem(layout.file_stem(i), p, pages)};
            if (opt.resume && outputs_complete(output_paths(task.stem, opt.targets))) {
                ++plan.finished_before;
                continue;
            }
            plan.todo.push_back(std::move(task));
        }
    }
    return plan;
}

}  // namespace scanfix::batch
