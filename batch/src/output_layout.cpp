// Mirrored output paths, collision refusal and the completeness check (see output_layout.hpp).
#include "scanfix/batch/output_layout.hpp"

#include <filesystem>
#include <map>
#include <regex>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix::batch {
namespace {

fs::path normal_absolute(const std::string& p) {
    return fs::absolute(p).lexically_normal();
}

// The deepest folder that contains both.
fs::path common_folder(const fs::path& a, const fs::path& b) {
    fs::path out;
    auto i = a.begin(), j = b.begin();
    for (; i != a.end() && j != b.end() && *i == *j; ++i, ++j) out /= *i;
    return out;
}

}  // namespace

OutputLayout::OutputLayout(const InputList& inputs) {
    fs::path root;
    bool first = true;
    for (const std::string& a : inputs.anchors) {
        fs::path p = normal_absolute(a);
        if (!p.has_filename()) p = p.parent_path();  // "dir/" → "dir"
        root = first ? p : common_folder(root, p);
        first = false;
    }
    root_ = root.string();

    std::map<std::string, size_t> owner;  // stem → input index
    for (size_t i = 0; i < inputs.files.size(); ++i) {
        fs::path rel = normal_absolute(inputs.files[i]).lexically_relative(root);
        std::string stem = rel.replace_extension().generic_string();
        auto [it, fresh] = owner.emplace(stem, i);
        if (!fresh)
            throw InputError(inputs.files[i], "would write the same outputs (" + stem + ".*) as " +
                                                  inputs.files[it->second] +
                                                  "; rename one or process them separately");
        stems_.push_back(stem);
    }
    // A file named like another's page outputs ("a-p0002.png" beside a multi-page "a.pdf").
    static const std::regex paged("(.*)-p[0-9]{4,}");
    std::smatch m;
    for (size_t i = 0; i < stems_.size(); ++i)
        if (std::regex_match(stems_[i], m, paged)) {
            auto it = owner.find(m[1].str());
            if (it != owner.end())
                throw InputError(inputs.files[i],
                                 "its outputs could collide with the page outputs of " +
                                     inputs.files[it->second] + "; rename one");
        }
}

std::string page_stem(const std::string& file_stem, int page, int pages) {
    if (pages <= 1) return file_stem;
    char buf[16];
    std::snprintf(buf, sizeof buf, "-p%04d", page + 1);
    return file_stem + buf;
}

std::vector<std::string> output_paths(const std::string& stem,
                                      const std::vector<OutputTarget>& targets) {
    std::vector<std::string> paths;
    for (const OutputTarget& t : targets)
        paths.push_back((fs::path(t.dir) / (stem + t.suffix)).string());
    return paths;
}

bool outputs_complete(const std::vector<std::string>& paths) {
    std::error_code ec;
    for (const std::string& p : paths)
        if (!fs::is_regular_file(p, ec)) return false;
    return !paths.empty();
}

}  // namespace scanfix::batch
