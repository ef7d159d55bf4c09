// Records, summaries, tables, JSON and comparison of benchmark runs; see results.hpp.
#include "results.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "scanfix/core/error.hpp"

namespace scanfix::bench {
namespace {

const char* const kMethodKeys[3] = {"plain", "sauvola", "scanfix"};

double rate(size_t errors, size_t length) {
    if (length == 0) return errors == 0 ? 0.0 : static_cast<double>(errors);
    return static_cast<double>(errors) / static_cast<double>(length);
}

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::string pct(double r) {
    return fmt::format("{:.2f}", 100.0 * r);
}

std::string where(const PageCase& c) {
    return c.source == "ehri" ? c.half : c.variant;
}

bool in_set(const PageRecord& r, const std::string& set) {
    return std::find(r.page.sets.begin(), r.page.sets.end(), set) != r.page.sets.end();
}

}  // namespace

size_t PageRecord::errors(Method m) const {
    if (m == kBest) return std::min(methods[kPlain].errors, methods[kSauvola].errors);
    return methods[m].errors;
}

double PageRecord::cer(Method m) const {
    return rate(errors(m), reference_length);
}

double SetSummary::time_ratio() const {
    return median_seconds[kPlain] > 0 ? median_seconds[kScanfix] / median_seconds[kPlain] : 0.0;
}

std::vector<SetSummary> summarise(const std::vector<PageRecord>& records,
                                  const std::vector<std::string>& order) {
    std::vector<SetSummary> out;
    for (const std::string& name : order) {
        SetSummary s;
        s.name = name;
        std::array<size_t, 4> errors{};
        size_t length = 0;
        std::array<std::vector<double>, 3> seconds;
        for (const PageRecord& r : records) {
            if (!in_set(r, name)) continue;
            ++s.pages;
            length += r.reference_length;
            for (Method m : {kPlain, kSauvola, kScanfix, kBest}) {
                s.mean_cer[m] += r.cer(m);
                errors[m] += r.errors(m);
            }
            for (Method m : {kPlain, kSauvola, kScanfix})
                seconds[m].push_back(r.methods[m].seconds);
            const double worse = r.cer(kScanfix) - r.cer(kPlain);
            s.worse_1 += worse > 0.01;
            s.worse_5 += worse > 0.05;
        }
        if (s.pages == 0) continue;
        for (Method m : {kPlain, kSauvola, kScanfix, kBest}) {
            s.mean_cer[m] /= static_cast<double>(s.pages);
            s.total_cer[m] = rate(errors[m], length);
        }
        for (Method m : {kPlain, kSauvola, kScanfix}) s.median_seconds[m] = median(seconds[m]);
        out.push_back(s);
    }
    return out;
}

std::string page_table(const std::vector<PageRecord>& records) {
    std::string out =
        "| page | lang | half / variant | plain % | Sauvola % | best of two % | scanfix % | "
        "scanfix − plain | plain s | Sauvola s | scanfix s |\n"
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const PageRecord& r : records) {
        out += fmt::format(
            "| {} | {} | {} | {} | {} | {} | {} | {:+.2f} | {:.2f} | {:.2f} | {:.2f} |\n",
            r.page.name, r.page.lang, where(r.page), pct(r.cer(kPlain)), pct(r.cer(kSauvola)),
            pct(r.cer(kBest)), pct(r.cer(kScanfix)), 100.0 * (r.cer(kScanfix) - r.cer(kPlain)),
            r.methods[kPlain].seconds, r.methods[kSauvola].seconds, r.methods[kScanfix].seconds);
        for (Method m : {kPlain, kSauvola, kScanfix})
            if (!r.methods[m].error.empty())
                out += fmt::format("|  | | {} failed: {} | | | | | | | | |\n", kMethodKeys[m],
                                   r.methods[m].error);
    }
    return out;
}

std::string set_table(const std::vector<SetSummary>& sets) {
    std::string out =
        "Mean page CER (mean over pages of each page's CER), pages where scanfix is worse than "
        "plain Tesseract, median seconds per page:\n\n"
        "| set | pages | plain % | Sauvola % | best of two % | scanfix % | > 1 pt worse | > 5 pt "
        "worse | plain s | Sauvola s | scanfix s | time scanfix / plain |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const SetSummary& s : sets)
        out += fmt::format(
            "| {} | {} | {} | {} | {} | **{}** | {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} |\n",
            s.name, s.pages, pct(s.mean_cer[kPlain]), pct(s.mean_cer[kSauvola]),
            pct(s.mean_cer[kBest]), pct(s.mean_cer[kScanfix]), s.worse_1, s.worse_5,
            s.median_seconds[kPlain], s.median_seconds[kSauvola], s.median_seconds[kScanfix],
            s.time_ratio());
    out +=
        "\nTotal CER (all errors of the set / all its reference characters):\n\n"
        "| set | plain % | Sauvola % | best of two % | scanfix % |\n|---|---:|---:|---:|---:|\n";
    for (const SetSummary& s : sets)
        out += fmt::format("| {} | {} | {} | {} | {} |\n", s.name, pct(s.total_cer[kPlain]),
                           pct(s.total_cer[kSauvola]), pct(s.total_cer[kBest]),
                           pct(s.total_cer[kScanfix]));
    return out;
}

std::string run_json(const RunInfo& info, const std::vector<PageRecord>& records) {
    nlohmann::ordered_json j;
    j["command"] = info.command;
    j["machine"] = info.machine;
    j["load_before"] = info.load_before;
    j["load_after"] = info.load_after;
    j["jobs"] = info.jobs;
    j["overrides"] = info.overrides;
    j["pages"] = nlohmann::ordered_json::array();
    for (const PageRecord& r : records) {
        nlohmann::ordered_json p;
        p["page"] = r.page.name;
        p["source"] = r.page.source;
        p["document"] = r.page.document;
        p["half"] = r.page.half;
        p["variant"] = r.page.variant;
        p["lang"] = r.page.lang;
        p["profile"] = r.page.profile;
        p["image"] = r.page.image;
        p["sets"] = r.page.sets;
        p["reference_chars"] = r.reference_length;
        for (Method m : {kPlain, kSauvola, kScanfix}) {
            nlohmann::ordered_json x;
            x["cer"] = r.cer(m);
            x["errors"] = r.methods[m].errors;
            x["seconds"] = r.methods[m].seconds;
            if (!r.methods[m].error.empty()) x["error"] = r.methods[m].error;
            p[kMethodKeys[m]] = x;
        }
        j["pages"].push_back(p);
    }
    return j.dump(1) + "\n";
}

std::vector<PageRecord> read_run(const std::string& path, RunInfo* info) {
    std::ifstream in(path);
    if (!in) throw InputError(path, "cannot read the benchmark run");
    std::vector<PageRecord> out;
    try {
        nlohmann::json j = nlohmann::json::parse(in);
        if (info) {
            info->command = j.value("command", "");
            info->machine = j.value("machine", "");
            info->load_before = j.value("load_before", "");
            info->load_after = j.value("load_after", "");
            info->jobs = j.value("jobs", 1);
            info->overrides = j.value("overrides", std::vector<std::string>{});
        }
        for (const auto& p : j.at("pages")) {
            PageRecord r;
            r.page.name = p.at("page").get<std::string>();
            r.page.source = p.at("source").get<std::string>();
            r.page.document = p.value("document", "");
            r.page.half = p.value("half", "");
            r.page.variant = p.value("variant", "");
            r.page.lang = p.value("lang", "");
            r.page.profile = p.value("profile", "");
            r.page.image = p.value("image", "");
            r.page.sets = p.at("sets").get<std::vector<std::string>>();
            r.reference_length = p.at("reference_chars").get<size_t>();
            for (Method m : {kPlain, kSauvola, kScanfix}) {
                const auto& x = p.at(kMethodKeys[m]);
                r.methods[m].errors = x.at("errors").get<size_t>();
                r.methods[m].seconds = x.at("seconds").get<double>();
                r.methods[m].error = x.value("error", "");
            }
            out.push_back(r);
        }
    } catch (const nlohmann::json::exception& e) {
        throw InputError(path, std::string("not a benchmark run: ") + e.what());
    }
    return out;
}

std::string run_report(const RunInfo& info, const std::vector<PageRecord>& records) {
    std::vector<PageCase> pages;
    for (const PageRecord& r : records) pages.push_back(r.page);
    std::string overrides;
    for (const std::string& o : info.overrides) overrides += " --set " + o;
    return fmt::format(
               "{} pages. Machine: {}; {} worker(s); load average {} before, {} after.{}\n\n",
               records.size(), info.machine, info.jobs, info.load_before, info.load_after,
               overrides.empty() ? "" : " Overrides:" + overrides) +
           set_table(summarise(records, set_order(pages))) + "\n" + page_table(records);
}

std::string compare_runs(const std::vector<PageRecord>& a, const std::vector<PageRecord>& b) {
    std::map<std::string, const PageRecord*> before;
    for (const PageRecord& r : a) before[r.page.source + "/" + r.page.name] = &r;
    struct Row {
        const PageRecord *a, *b;
        double delta;
    };
    std::vector<Row> rows;
    std::vector<PageRecord> common_a, common_b;
    for (const PageRecord& r : b) {
        auto it = before.find(r.page.source + "/" + r.page.name);
        if (it == before.end()) continue;
        rows.push_back({it->second, &r, r.cer(kScanfix) - it->second->cer(kScanfix)});
        common_a.push_back(*it->second);
        common_b.push_back(r);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return x.delta > y.delta; });
    std::string out = fmt::format(
        "{} pages in both runs ({} only in the first, {} only in the second).\n\n"
        "| set | pages | scanfix % (first) | scanfix % (second) | change | > 1 pt worse than "
        "plain (first → second) | scanfix s (first → second) |\n"
        "|---|---:|---:|---:|---:|---:|---:|\n",
        rows.size(), a.size() - rows.size(), b.size() - rows.size());
    std::vector<std::string> order;
    for (const PageRecord& r : common_b)
        for (const std::string& s : r.page.sets)
            if (std::find(order.begin(), order.end(), s) == order.end()) order.push_back(s);
    std::vector<SetSummary> sa = summarise(common_a, order), sb = summarise(common_b, order);
    for (size_t i = 0; i < sa.size() && i < sb.size(); ++i)
        out += fmt::format(
            "| {} | {} | {} | {} | {:+.2f} | {} → {} | {:.2f} → {:.2f} |\n", sb[i].name,
            sb[i].pages, pct(sa[i].mean_cer[kScanfix]), pct(sb[i].mean_cer[kScanfix]),
            100.0 * (sb[i].mean_cer[kScanfix] - sa[i].mean_cer[kScanfix]), sa[i].worse_1,
            sb[i].worse_1, sa[i].median_seconds[kScanfix], sb[i].median_seconds[kScanfix]);
    out +=
        "\nPer page, largest increase of scanfix's CER first:\n\n"
        "| page | half / variant | plain % | scanfix % (first) | scanfix % (second) | change |\n"
        "|---|---|---:|---:|---:|---:|\n";
    for (const Row& r : rows)
        out += fmt::format("| {} | {} | {} | {} | {} | {:+.2f} |\n", r.b->page.name,
                           where(r.b->page), pct(r.b->cer(kPlain)), pct(r.a->cer(kScanfix)),
                           pct(r.b->cer(kScanfix)), 100.0 * r.delta);
    return out;
}

}  // namespace scanfix::bench
