// Markdown and JSON renderings of a TuneResult; see report.hpp.
#include "scanfix/tune/report.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace scanfix::tune {
namespace {

std::string percent(double rate) {
    return fmt::format("{:.2f}%", 100 * rate);
}

std::string change(double before, double after) {
    return fmt::format("{:+.2f} points", 100 * (after - before));
}

}  // namespace

std::string report_markdown(const TuneResult& r) {
    std::string out = "# Tuning report\n\n";
    out += fmt::format("{} training page(s): {}\n\n", r.train_pages.size(),
                       fmt::join(r.train_pages, ", "));
    if (r.held_out())
        out += fmt::format("{} held-out page(s): {}\n\n", r.holdout_pages.size(),
                           fmt::join(r.holdout_pages, ", "));
    out += "| pages | CER before | CER after | change |\n|---|---:|---:|---:|\n";
    out += fmt::format("| training | {} | {} | {} |\n", percent(r.train_before),
                       percent(r.train_after), change(r.train_before, r.train_after));
    if (r.held_out())
        out += fmt::format("| held out | {} | {} | {} |\n", percent(r.holdout_before),
                           percent(r.holdout_after), change(r.holdout_before, r.holdout_after));
    out += "\n";
    if (r.held_out() && r.holdout_after > r.holdout_before)
        out +=
            "**Warning:** the held-out pages got worse: the changes fit the training pages "
            "only. Tune on more pages, or keep the base profile.\n\n";
    if (r.changes.empty()) {
        out += "No parameter changed: the base profile is already the best found.\n\n";
    } else {
        out += "| parameter | before | after |\n|---|---|---|\n";
        for (const ParameterChange& c : r.changes)
            out += fmt::format("| `{}` | {} | {} |\n", c.key, c.before, c.after);
        out += "\n";
    }
    out += fmt::format(
        "{} trials, {} preprocessings, {} page recognitions, {:.1f} s; {}.\n", r.trials,
        r.preprocessings, r.recognitions, r.seconds,
        r.converged ? "the search converged" : "the search stopped at its trial or time limit");
    return out;
}

std::string report_json(const TuneResult& r) {
    nlohmann::json j;
    j["train_pages"] = r.train_pages;
    j["holdout_pages"] = r.holdout_pages;
    j["cer"]["train"] = {{"before", r.train_before}, {"after", r.train_after}};
    if (r.held_out())
        j["cer"]["holdout"] = {{"before", r.holdout_before}, {"after", r.holdout_after}};
    j["changes"] = nlohmann::json::array();
    for (const ParameterChange& c : r.changes)
        j["changes"].push_back({{"key", c.key}, {"before", c.before}, {"after", c.after}});
    j["trials"] = r.trials;
    j["recognitions"] = r.recognitions;
    j["preprocessings"] = r.preprocessings;
    j["seconds"] = r.seconds;
    j["converged"] = r.converged;
    return j.dump(2) + "\n";
}

}  // namespace scanfix::tune
