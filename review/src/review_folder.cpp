// Pages of a batch output folder and the confinement of every path to it; see
// review_folder.hpp.
#include "scanfix/review/review_folder.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix::review {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// JSON files of the folder that are not page models: review's own decision logs and the
// cleanup reports of `scanfix run --report`.
bool is_page_json(const std::string& filename) {
    return ends_with(filename, ".json") && !ends_with(filename, ".review.json") &&
           !ends_with(filename, ".report.json") && filename.size() > 5 && filename[0] != '.';
}

// Outputs of scanfix run a page may have without its JSON.
const char* const kOcrOutputs[] = {".alto.xml", ".hocr", ".page.xml", ".txt"};

bool is_written_by_review(const std::string& filename) {
    return ends_with(filename, ".gt.txt") || ends_with(filename, ".gt.alto.xml");
}

// A stem as a reviewer's browser may send it: relative parts joined by '/', nothing that
// climbs, restarts at the root or hides in an encoding.
bool well_formed_stem(const std::string& stem) {
    if (stem.empty() || stem.size() > 1024 || stem.front() == '/') return false;
    for (unsigned char c : stem)
        if (c < 0x20 || c == 0x7f || c == '\\') return false;
    size_t start = 0;
    while (start <= stem.size()) {
        size_t slash = stem.find('/', start);
        if (slash == std::string::npos) slash = stem.size();
        const std::string part = stem.substr(start, slash - start);
        if (part.empty() || part == "." || part == ".." || part[0] == '.') return false;
        start = slash + 1;
    }
    return true;
}

bool inside(const fs::path& root, const fs::path& real) {
    auto r = root.begin(), p = real.begin();
    for (; r != root.end(); ++r, ++p)
        if (p == real.end() || *r != *p) return false;
    return true;
}

}  // namespace

ReviewFolder::ReviewFolder(const std::string& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw InputError(dir, "no such folder");
    fs::path real = fs::canonical(dir, ec);
    if (ec) throw InputError(dir, "cannot open folder: " + ec.message());
    root_ = real.string();
}

bool ReviewFolder::holds(const std::string& path) const {
    std::error_code ec;
    fs::path real = fs::canonical(path, ec);
    return !ec && inside(fs::path(root_), real);
}

std::optional<PageFiles> ReviewFolder::find(const std::string& stem) const {
    if (!well_formed_stem(stem)) return std::nullopt;
    const fs::path base = fs::path(root_) / stem;
    const std::string json = base.string() + ".json";
    if (!is_page_json(fs::path(json).filename().string())) return std::nullopt;
    std::error_code ec;
    if (!fs::is_regular_file(json, ec) || !holds(json)) return std::nullopt;
    PageFiles files;
    files.stem = stem;
    files.json = json;
    const std::string text = base.string() + ".txt";
    if (fs::is_regular_file(text, ec) && holds(text)) files.text = text;
    files.reference = base.string() + ".gt.txt";
    files.alto = base.string() + ".gt.alto.xml";
    files.decisions = base.string() + ".review.json";
    return files;
}

std::vector<PageFiles> ReviewFolder::pages() const {
    std::vector<PageFiles> out;
    std::error_code ec;
    // Folder links are not followed, and a file link leading out is refused by find().
    for (auto it = fs::recursive_directory_iterator(
             root_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string filename = it->path().filename().string();
        if (it->is_directory(ec) && filename[0] == '.') {
            it.disable_recursion_pending();
            continue;
        }
        if (!is_page_json(filename)) continue;
        std::string stem = fs::relative(it->path(), root_, ec).generic_string();
        if (ec) continue;
        stem.erase(stem.size() - 5);
        if (auto files = find(stem)) out.push_back(std::move(*files));
    }
    std::sort(out.begin(), out.end(),
              [](const PageFiles& a, const PageFiles& b) { return a.stem < b.stem; });
    return out;
}

std::vector<MissingPage> ReviewFolder::pages_without_json() const {
    std::set<std::string> with_json;
    for (const PageFiles& p : pages()) with_json.insert(p.stem);
    std::vector<MissingPage> out;
    std::set<std::string> seen;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(
             root_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string filename = it->path().filename().string();
        if (filename[0] == '.' || is_written_by_review(filename) || !it->is_regular_file(ec))
            continue;
        for (const char* ext : kOcrOutputs) {
            if (!ends_with(filename, ext)) continue;
            std::string stem = fs::relative(it->path(), root_, ec).generic_string();
            if (ec) break;
            stem.erase(stem.size() - std::string(ext).size());
            if (!with_json.count(stem) && seen.insert(stem).second) out.push_back({stem, filename});
            break;
        }
    }
    std::sort(out.begin(), out.end(),
              [](const MissingPage& a, const MissingPage& b) { return a.stem < b.stem; });
    return out;
}

}  // namespace scanfix::review
