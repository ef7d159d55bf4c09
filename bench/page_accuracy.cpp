// Accuracy and speed of scanfix against plain Tesseract on real and synthetic pages:
// for every page with a reference, CER and seconds per page of (1) Tesseract on the file as
// loaded, (2) Tesseract with its own Sauvola binarisation (thresholding_method=2) and
// (3) the whole scanfix pipeline. Prints a Markdown table; docs/preprocessing.md keeps one.
// Every reference is line by line as typed (ALTO lines; the samples' .lines.gt.txt), so every
// output is scored in the diplomatic layout: the same lines, line-end hyphens kept.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

namespace {

struct PageCase {
    std::string image, reference, lang, group;
};

struct Score {
    eval::EditCounts counts;
    double seconds = 0;
};

// EHRI pages: <dir>/<language folder>/<name>.jpg with <name>.xml (ALTO).
std::vector<PageCase> ehri_pages(const std::string& dir) {
    const std::map<std::string, std::string> langs = {
        {"german", "deu"}, {"danish", "dan"}, {"czech", "ces"}};
    std::vector<PageCase> out;
    for (const auto& [folder, lang] : langs) {
        fs::path d = fs::path(dir) / folder;
        if (!fs::exists(d)) continue;
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(d))
            if (e.path().extension() == ".jpg") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            fs::path xml = f;
            xml.replace_extension(".xml");
            if (fs::exists(xml)) out.push_back({f.string(), xml.string(), lang, folder});
        }
    }
    return out;
}

// Synthetic pages: <dir>/<stem>.jpg|png with <stem>.lines.gt.txt (the body as laid out on the
// page), Russian.
std::vector<PageCase> sample_pages(const std::string& dir) {
    std::vector<PageCase> out;
    if (!fs::exists(dir)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".jpg" || e.path().extension() == ".png")
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        fs::path gt = f.parent_path() / (f.stem().string() + ".lines.gt.txt");
        if (fs::exists(gt)) out.push_back({f.string(), gt.string(), "rus", "synthetic"});
    }
    return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Tesseract alone on the loaded file, with the given built-in thresholding.
Score plain(const PageCase& c, const std::string& thresholding, const std::string& reference) {
    OcrParams p;
    p.lang = c.lang;
    p.input = "original";
    p.thresholding = thresholding;
    TesseractRecognizer rec(p);
    Document doc = load_pages(c.image);
    auto t0 = std::chrono::steady_clock::now();
    for (Page& page : doc) rec.recognize(page);
    Score s;
    s.seconds = seconds_since(t0);
    s.counts = eval::evaluate(reference, render_text(doc, Layout::Diplomatic)).characters;
    return s;
}

Score scanfix_run(const PageCase& c, const Profile& base, const std::string& reference) {
    Profile profile = base;
    profile.set("ocr.lang", c.lang);
    profile.set("cleanup.lexicon.language", c.lang);
    Context ctx;
    ctx.data_dir = data_dir();
    Pipeline pipeline(profile, ctx);
    auto reader = pipeline.reader();
    auto t0 = std::chrono::steady_clock::now();
    Document doc = reader->read_file(c.image);
    pipeline.clean(doc);
    Score s;
    s.seconds = seconds_since(t0);
    s.counts = eval::evaluate(reference, render_text(doc, Layout::Diplomatic)).characters;
    return s;
}

std::string pct(const eval::EditCounts& c) {
    return fmt::format("{:.2f}", 100.0 * c.rate());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"CER and seconds per page: plain Tesseract, Tesseract+Sauvola, scanfix"};
    std::string ehri = (fs::path(SCANFIX_SOURCE_DIR).parent_path() / "shared/data/ehri").string();
    std::string samples = (fs::path(SCANFIX_SOURCE_DIR) / "samples").string();
    std::string profile_name = "default", ehri_profile_name = "ehri";
    std::string only;
    std::vector<std::string> overrides;
    app.add_option("--ehri", ehri, "Folder of EHRI pages (german/, danish/, czech/)");
    app.add_option("--samples", samples, "Folder of synthetic pages with .lines.gt.txt");
    app.add_option("--profile", profile_name, "scanfix profile for the synthetic pages");
    app.add_option("--ehri-profile", ehri_profile_name,
                   "scanfix profile for the EHRI pages (their references keep page numbers)");
    app.add_option("--only", only, "Only pages whose path contains this text");
    app.add_option("--set", overrides,
                   "Override one scanfix parameter on every page, e.g. --set "
                   "preprocess.dust.enabled=false (repeatable)");
    CLI11_PARSE(app, argc, argv);

    Profile profile = Profile::load(profile_name, profiles_dir());
    Profile ehri_profile = Profile::load(ehri_profile_name, profiles_dir());
    for (const std::string& kv : overrides) {
        profile.set_override(kv, "--set");
        ehri_profile.set_override(kv, "--set");
    }
    std::vector<PageCase> cases = ehri_pages(ehri);
    for (auto& c : sample_pages(samples)) cases.push_back(c);

    fmt::print(
        "| page | lang | Tesseract CER % | Tesseract+Sauvola CER % | scanfix CER % | "
        "Tesseract s | scanfix s |\n|---|---|---:|---:|---:|---:|---:|\n");
    std::map<std::string, std::array<Score, 3>> totals;
    for (const PageCase& c : cases) {
        if (!only.empty() && c.image.find(only) == std::string::npos) continue;
        try {
            check_languages_installed(c.lang);
        } catch (const Error& e) {
            fmt::print(stderr, "skipped {}: {}\n", c.image, e.what());
            continue;
        }
        std::string reference = eval::load_reference(c.reference);
        Score a = plain(c, "otsu", reference);
        Score b = plain(c, "sauvola", reference);
        Score s = scanfix_run(c, c.group == "synthetic" ? profile : ehri_profile, reference);
        fmt::print("| {} | {} | {} | {} | {} | {:.2f} | {:.2f} |\n",
                   fs::path(c.image).stem().string(), c.lang, pct(a.counts), pct(b.counts),
                   pct(s.counts), a.seconds, s.seconds);
        std::fflush(stdout);
        for (const std::string& key : {c.group, std::string("all EHRI")}) {
            if (key == "all EHRI" && c.group == "synthetic") continue;
            auto& t = totals[key];
            for (int i = 0; i < 3; ++i) {
                const Score& x = i == 0 ? a : i == 1 ? b : s;
                t[i].counts += x.counts;
                t[i].seconds += x.seconds;
            }
        }
    }
    fmt::print(
        "\n| total | Tesseract CER % | Tesseract+Sauvola CER % | scanfix CER % | Tesseract s | "
        "scanfix s | time ratio |\n|---|---:|---:|---:|---:|---:|---:|\n");
    for (const auto& [key, t] : totals)
        fmt::print("| {} | {} | {} | {} | {:.1f} | {:.1f} | {:.2f} |\n", key, pct(t[0].counts),
                   pct(t[1].counts), pct(t[2].counts), t[0].seconds, t[2].seconds,
                   t[0].seconds > 0 ? t[2].seconds / t[0].seconds : 0.0);
    return 0;
}
