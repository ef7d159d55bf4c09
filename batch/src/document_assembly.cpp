// Collecting a file's pages from the workers into one document; see document_assembly.hpp.
#include "scanfix/batch/document_assembly.hpp"

namespace scanfix::batch {

DocumentAssembly::DocumentAssembly(const std::vector<PageTask>& tasks) {
    for (const PageTask& t : tasks) ++files_[t.source].expected;
}

std::optional<AssembledDocument> DocumentAssembly::add(const PageTask& task,
                                                       std::optional<Page> page) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = files_.find(task.source);
    if (it == files_.end()) return std::nullopt;
    Pending& pending = it->second;
    ++pending.arrived;
    if (page) pending.pages.emplace(task.page, std::make_pair(&task, std::move(*page)));
    if (pending.arrived < pending.expected) return std::nullopt;
    AssembledDocument doc;
    for (auto& [number, entry] : pending.pages) {
        doc.tasks.push_back(entry.first);
        doc.pages.push_back(std::move(entry.second));
    }
    files_.erase(it);
    return doc;
}

}  // namespace scanfix::batch
