// Finding image/reference pairs by page name and splitting them; see page_set.hpp.
#include "scanfix/tune/page_set.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <random>

#include "scanfix/core/error.hpp"
#include "scanfix/eval/batch.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace fs = std::filesystem;

namespace scanfix::tune {
namespace {

bool hidden(const fs::path& p) {
    return p.filename().string().rfind('.', 0) == 0;
}

void require_folder(const std::string& dir) {
    if (!fs::is_directory(dir)) throw InputError(dir, "no such folder");
}

// A reference tagged ".gt" (page-01.gt.txt) beats other text files of the page (page-01.txt
// may be an earlier OCR output lying beside it).
bool tagged_reference(const std::string& filename) {
    return filename.find(".gt.") != std::string::npos ||
           (filename.size() > 3 && filename.compare(filename.size() - 3, 3, ".gt") == 0);
}

// Of two tagged references of one page, the plain-text one (scanfix review writes page.gt.txt
// and page.gt.alto.xml with the same words), else the first by name: never the order the
// folder happens to list them in.
bool preferred_reference(const std::string& a, const std::string& b) {
    auto plain = [](const std::string& f) {
        return f.size() >= 7 && f.compare(f.size() - 7, 7, ".gt.txt") == 0;
    };
    if (plain(a) != plain(b)) return plain(a);
    return a < b;
}

// Would references_by_page take this file for a transcription? (eval's page name strips the
// tags and extensions it reads; a file that keeps its whole name is not one.)
bool reference_name(const fs::path& path) {
    return eval::page_stem(path.string()) != path.filename().string();
}

std::map<std::string, std::string> references_by_page(const std::string& dir) {
    std::map<std::string, std::string> refs;
    std::map<std::string, std::vector<std::string>> untagged;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || hidden(entry.path())) continue;
        const std::string path = entry.path().string();
        const std::string filename = entry.path().filename().string();
        if (is_image_path(path)) continue;
        if (!reference_name(entry.path())) continue;  // noise records, reports, ...
        const std::string page = eval::page_stem(path);
        if (tagged_reference(filename)) {
            auto it = refs.find(page);
            if (it == refs.end() ||
                preferred_reference(filename, fs::path(it->second).filename().string()))
                refs[page] = path;
        } else
            untagged[page].push_back(path);
    }
    for (auto& [page, paths] : untagged) {
        if (refs.count(page)) continue;
        if (paths.size() > 1)
            throw InputError(dir, "two possible references for page '" + page +
                                      "': " + fs::path(paths[0]).filename().string() + " and " +
                                      fs::path(paths[1]).filename().string() +
                                      " (name the reference <page>.gt.txt)");
        refs[page] = paths[0];
    }
    return refs;
}

}  // namespace

PageSet find_tune_pages(const std::string& images_dir, const std::string& references_dir) {
    require_folder(images_dir);
    require_folder(references_dir);
    const std::map<std::string, std::string> refs = references_by_page(references_dir);
    PageSet set;
    std::map<std::string, std::string> seen;
    for (const auto& entry : fs::directory_iterator(images_dir)) {
        if (!entry.is_regular_file() || hidden(entry.path())) continue;
        const std::string path = entry.path().string();
        if (!is_image_path(path)) continue;
        const std::string page = entry.path().stem().string();
        if (auto [it, added] = seen.emplace(page, path); !added)
            throw InputError(images_dir, "two images for page '" + page +
                                             "': " + fs::path(it->second).filename().string() +
                                             " and " + entry.path().filename().string());
        auto ref = refs.find(page);
        if (ref == refs.end())
            set.without_reference.push_back(path);
        else
            set.pages.push_back({page, path, ref->second});
    }
    std::sort(set.pages.begin(), set.pages.end(),
              [](const TunePage& a, const TunePage& b) { return a.name < b.name; });
    std::sort(set.without_reference.begin(), set.without_reference.end());
    return set;
}

void check_not_a_tune_input(const std::string& output, const std::string& images_dir,
                            const std::string& references_dir, const PageSet& set) {
    if (output.empty()) return;
    std::error_code ec;
    const fs::path out(output);
    if (fs::exists(out, ec)) {
        auto same = [&](const std::string& in) { return fs::equivalent(in, out, ec); };
        for (const TunePage& p : set.pages)
            if (same(p.image) || same(p.reference))
                throw InputError(output, "is one of the inputs; refusing to overwrite it");
        for (const std::string& image : set.without_reference)
            if (same(image))
                throw InputError(output, "is one of the inputs; refusing to overwrite it");
    }
    // A file that does not exist yet is still an input of the next run when tune would read it.
    const fs::path folder = out.has_parent_path() ? out.parent_path() : fs::path(".");
    auto in = [&](const std::string& dir) { return fs::equivalent(folder, dir, ec); };
    if (in(images_dir) && is_image_path(output))
        throw InputError(output, "lies in the --images folder under a name read as a page image");
    if (in(references_dir) && reference_name(out))
        throw InputError(output, "lies in the --gt folder under a name read as a reference");
}

PageSplit split_pages(const std::vector<TunePage>& pages, double fraction, std::uint64_t seed) {
    std::vector<TunePage> order = pages;
    std::sort(order.begin(), order.end(),
              [](const TunePage& a, const TunePage& b) { return a.name < b.name; });
    // Fisher-Yates with mt19937_64, whose output the standard fixes (std::shuffle's use of it
    // is left to the library), so a seed means the same split everywhere.
    std::mt19937_64 rng(seed);
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);

    const size_t n = order.size();
    size_t held = fraction > 0 ? size_t(std::lround(fraction * double(n))) : 0;
    if (fraction > 0 && n >= 2) held = std::max<size_t>(held, 1);
    if (held >= n) held = n > 0 ? n - 1 : 0;

    PageSplit split;
    split.holdout.assign(order.begin(), order.begin() + long(held));
    split.train.assign(order.begin() + long(held), order.end());
    auto by_name = [](const TunePage& a, const TunePage& b) { return a.name < b.name; };
    std::sort(split.train.begin(), split.train.end(), by_name);
    std::sort(split.holdout.begin(), split.holdout.end(), by_name);
    return split;
}

}  // namespace scanfix::tune
