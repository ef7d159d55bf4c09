// Finding the benchmark's pages and the sets they count in; see page_cases.hpp.
#include "page_cases.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix::bench {
namespace {

struct Language {
    const char* folder;
    const char* lang;
};
const Language kLanguages[] = {
    {"czech", "ces"}, {"danish", "dan"}, {"english", "eng"}, {"german", "deu"}, {"slovak", "slk"}};

std::string trim(const std::string& s) {
    const char* blank = " \t\r";
    size_t b = s.find_first_not_of(blank);
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(blank) - b + 1);
}

std::vector<std::string> content_lines(const std::string& path, const char* what) {
    std::ifstream in(path);
    if (!in) throw InputError(path, std::string("cannot read the ") + what);
    std::vector<std::string> out;
    std::string line;
    while (std::getline(in, line)) {
        size_t hash = line.find('#');
        if (hash != std::string::npos) line.erase(hash);
        out.push_back(trim(line));  // kept when blank, so errors name the right line
    }
    return out;
}

}  // namespace

std::string ehri_document(const std::string& page_name) {
    static const std::regex page_part("_[0-9]+$");
    return std::regex_replace(page_name, page_part, "");
}

std::map<std::string, std::string> read_ehri_split(const std::string& path) {
    std::map<std::string, std::string> split;
    std::vector<std::string> lines = content_lines(path, "EHRI split");
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        std::istringstream words(lines[i]);
        std::string document, half, extra;
        words >> document >> half;
        if ((half != "development" && half != "measured") || (words >> extra))
            throw InputError(path + ":" + std::to_string(i + 1),
                             "expected '<document> development|measured'");
        split[document] = half;
    }
    return split;
}

std::vector<PageCase> ehri_pages(const std::string& dir,
                                 const std::map<std::string, std::string>& split,
                                 std::vector<std::string>& skipped) {
    std::vector<PageCase> out;
    for (const Language& language : kLanguages) {
        fs::path folder = fs::path(dir) / language.folder;
        if (!fs::is_directory(folder)) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(folder))
            if (e.path().extension() == ".jpg") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const fs::path& f : files) {
            fs::path xml = fs::path(f).replace_extension(".xml");
            if (!fs::exists(xml)) continue;
            PageCase c;
            c.name = f.stem().string();
            c.document = ehri_document(c.name);
            auto half = split.find(c.document);
            if (half == split.end()) {
                skipped.push_back(f.string() + ": its document " + c.document +
                                  " is in neither half of the split");
                continue;
            }
            c.image = f.string();
            c.reference = xml.string();
            c.lang = language.lang;
            c.profile = "ehri";
            c.source = "ehri";
            c.half = half->second;
            c.sets = {"EHRI " + c.half + " half", std::string("EHRI ") + language.lang};
            out.push_back(c);
        }
    }
    return out;
}

std::vector<SyntheticSpec> read_synthetic_set(const std::string& path) {
    std::vector<SyntheticSpec> set;
    std::vector<std::string> lines = content_lines(path, "synthetic set");
    for (size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].empty()) continue;
        std::vector<std::string> fields;
        std::istringstream in(lines[i]);
        std::string field;
        while (std::getline(in, field, '|')) fields.push_back(trim(field));
        if (fields.size() != 4 || fields[0].empty() || fields[1].empty() || fields[2].empty())
            throw InputError(path + ":" + std::to_string(i + 1),
                             "expected '<name> | <variant> | <text file> | <options>'");
        set.push_back({fields[0], fields[1], fields[2], fields[3]});
    }
    return set;
}

std::vector<PageCase> synthetic_pages(const std::vector<SyntheticSpec>& set, const std::string& dir,
                                      std::vector<std::string>& skipped) {
    std::vector<PageCase> out;
    for (const SyntheticSpec& spec : set) {
        fs::path gt = fs::path(dir) / (spec.name + ".lines.gt.txt");
        fs::path image;
        for (const char* ext : {".jpg", ".png"})
            if (fs::exists(fs::path(dir) / (spec.name + ext)))
                image = fs::path(dir) / (spec.name + ext);
        if (image.empty() || !fs::exists(gt)) {
            skipped.push_back((fs::path(dir) / spec.name).string() + ": not generated");
            continue;
        }
        PageCase c;
        c.name = spec.name;
        c.image = image.string();
        c.reference = gt.string();
        c.lang = "rus";
        c.profile = "default";
        c.source = "synthetic";
        c.document = spec.name;
        c.variant = spec.variant;
        c.sets = {"synthetic", "synthetic: " + spec.variant};
        out.push_back(c);
    }
    return out;
}

std::vector<std::string> set_order(const std::vector<PageCase>& pages) {
    std::vector<std::string> order = {"EHRI development half", "EHRI measured half"};
    for (const Language& language : kLanguages)
        order.push_back(std::string("EHRI ") + language.lang);
    order.push_back("synthetic");
    for (const PageCase& c : pages)
        for (const std::string& s : c.sets)
            if (std::find(order.begin(), order.end(), s) == order.end()) order.push_back(s);
    return order;
}

}  // namespace scanfix::bench
