// Loading and saving the reviewer's work; see review_save.hpp.
#include "scanfix/review/review_save.hpp"

#include <filesystem>

#include "input_files.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/output_file.hpp"
#include "scanfix/emit/formats.hpp"
#include "scanfix/review/corrected_pages.hpp"

namespace fs = std::filesystem;

namespace scanfix::review {

namespace {

constexpr size_t kMaxLogBytes = 64u << 20;

// Review writes plain files only: a link or a folder in the place of one of its outputs is
// refused, so that a save can never reach what a link points at.
void check_writable(const std::string& path) {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(path, ec);
    if (!fs::exists(st)) return;
    if (fs::is_symlink(st))
        throw InputError(path, "is a symbolic link; review writes only plain files here");
    if (!fs::is_regular_file(st)) throw InputError(path, "is not a plain file; not replaced");
}

}  // namespace

ReviewState load_review_state(const ReviewFolder& folder, const PageFiles& files,
                              const std::vector<OcrPage>& pages, bool* exists) {
    std::error_code ec;
    const bool there = fs::exists(fs::symlink_status(files.decisions, ec));
    if (exists) *exists = there;
    if (!there) return {};
    if (!folder.holds(files.decisions))
        throw InputError(files.decisions, "leads out of the review folder; not read");
    return parse_review_state(read_bounded(files.decisions, kMaxLogBytes), files.decisions, pages);
}

ReviewState save_review(const PageFiles& files, const std::vector<OcrPage>& pages,
                        const ReviewState& previous, ReviewState update) {
    ReviewState saved;
    saved.reviewed = update.reviewed;
    saved.words = std::move(update.words);
    saved.saved = utc_now();
    saved.decisions = previous.decisions;
    for (Decision& d : update.decisions) {
        if (d.time.empty()) d.time = saved.saved;
        saved.decisions.push_back(std::move(d));
    }
    for (const std::string* path : {&files.reference, &files.alto, &files.decisions})
        check_writable(*path);
    const Document corrected = corrected_document(pages, &saved);
    write_file_atomically(files.reference, render_text(corrected, Layout::Diplomatic));
    write_file_atomically(files.alto, to_alto(corrected));
    write_file_atomically(
        files.decisions,
        review_state_json(saved, files.stem, fs::path(files.json).filename().string()));
    return saved;
}

}  // namespace scanfix::review
