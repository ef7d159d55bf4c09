// Pairing files by page stem and evaluating them into one report; see batch.hpp.
#include "scanfix/eval/batch.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "scanfix/core/error.hpp"

namespace fs = std::filesystem;

namespace scanfix::eval {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_known_suffix(const std::string& ext) {
    static const char* known[] = {"txt",  "xml", "html", "htm", "hocr", "alto",
                                  "page", "gt",  "ref",  "ocr", "hyp"};
    return std::find(std::begin(known), std::end(known), lower(ext)) != std::end(known);
}

bool is_text_file(const fs::path& p) {
    std::string ext = lower(p.extension().string());
    return ext == ".txt" || ext == ".xml" || ext == ".html" || ext == ".htm" || ext == ".hocr" ||
           ext == ".alto" || ext == ".gt";
}

std::map<std::string, std::string> files_by_stem(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || !is_text_file(entry.path())) continue;
        if (entry.path().filename().string().rfind('.', 0) == 0) continue;  // hidden
        std::string stem = page_stem(entry.path().string());
        auto [it, added] = out.emplace(stem, entry.path().string());
        if (!added)
            throw InputError(dir.string(), "two files for page '" + stem +
                                               "': " + fs::path(it->second).filename().string() +
                                               " and " + entry.path().filename().string());
    }
    return out;
}

}  // namespace

std::string page_stem(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    for (size_t dot; (dot = name.rfind('.')) != std::string::npos && dot > 0;) {
        if (!is_known_suffix(name.substr(dot + 1))) break;
        name.erase(dot);
    }
    return name;
}

Pairing pair_files(const std::string& reference, const std::string& hypothesis) {
    for (const auto& p : {reference, hypothesis})
        if (!fs::exists(p)) throw InputError(p, "no such file or folder");
    bool ref_dir = fs::is_directory(reference), hyp_dir = fs::is_directory(hypothesis);
    if (ref_dir != hyp_dir)
        throw InputError(ref_dir ? hypothesis : reference,
                         "is a file but the other side is a folder; give two files or two folders");
    Pairing pairing;
    if (!ref_dir) {
        pairing.pairs.push_back({page_stem(reference), reference, hypothesis});
        return pairing;
    }
    auto refs = files_by_stem(reference), hyps = files_by_stem(hypothesis);
    for (const auto& [stem, path] : refs) {
        auto h = hyps.find(stem);
        if (h == hyps.end())
            pairing.missing_hypotheses.push_back(path);
        else
            pairing.pairs.push_back({stem, path, h->second});
    }
    for (const auto& [stem, path] : hyps)
        if (!refs.count(stem)) pairing.missing_references.push_back(path);
    return pairing;
}

void add_page(EvalReport& report, const FilePair& files, const LoadedText& reference,
              const LoadedText& hypothesis, const EvalSettings& settings) {
    PageResult page;
    page.files = files;
    page.reference_format = reference.format;
    page.hypothesis_format = hypothesis.format;
    std::string kept = hypothesis.text;
    if (has_removal_marks(hypothesis.text)) {
        page.has_attribution = true;
        page.attribution =
            attribute_errors(reference.text, hypothesis.text, settings.normalize, settings.align);
        kept = without_removed(hypothesis.text);
    }
    auto comparison = std::make_shared<Comparison>(
        compare_texts(reference.text, kept, settings.normalize, settings.align));
    page.result = comparison->result;
    report.analysis.add(*comparison);
    if (settings.keep_comparisons) page.comparison = std::move(comparison);

    report.characters += page.result.characters;
    report.words += page.result.words;
    report.exact = report.exact && page.result.exact;
    if (page.has_attribution) {
        report.has_attribution = true;
        report.attribution += page.attribution;
    }
    report.pages.push_back(std::move(page));
}

EvalReport evaluate_files(const Pairing& pairing, const EvalSettings& settings) {
    EvalReport report;
    report.normalizations = settings.normalize.applied();
    report.missing_hypotheses = pairing.missing_hypotheses;
    report.missing_references = pairing.missing_references;
    for (const FilePair& files : pairing.pairs) {
        try {
            LoadedText ref = load_text(files.reference);
            LoadedText hyp = load_text(files.hypothesis);
            add_page(report, files, ref, hyp, settings);
        } catch (const InputError& e) {
            report.failures.push_back({files, e.what()});
        }
    }
    return report;
}

}  // namespace scanfix::eval
