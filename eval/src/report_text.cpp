// Text and JSON reports; see report_text.hpp.
#include "scanfix/eval/report_text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

#include "scanfix/core/text.hpp"

namespace scanfix::eval {

namespace {

std::string shown_char(const std::string& c) {
    if (c.empty()) return "∅";
    if (c == " ") return "␣";
    if (c == "\t") return "⇥";
    return c;
}

// Left-aligned cell padded by code points, so Cyrillic names line up.
std::string pad(const std::string& s, size_t width) {
    size_t len = utf8_length(s);
    return len >= width ? s + " " : s + std::string(width - len, ' ');
}

std::string right(const std::string& s, size_t width) {
    size_t len = utf8_length(s);
    return len >= width ? " " + s : std::string(width - len, ' ') + s;
}

std::string counts_row(const std::string& name, const EditCounts& c, const EditCounts& w,
                       size_t name_width) {
    return pad(name, name_width) + right(std::to_string(c.reference_length), 9) +
           right(std::to_string(c.substitutions), 7) + right(std::to_string(c.deletions), 7) +
           right(std::to_string(c.insertions), 7) + right(format_percent(c.rate()), 9) +
           right(std::to_string(w.reference_length), 8) + right(std::to_string(w.errors()), 7) +
           right(format_percent(w.rate()), 9) + "\n";
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out.empty() ? "none" : out;
}

nlohmann::json counts_json(const EditCounts& c) {
    return {{"substitutions", c.substitutions},
            {"deletions", c.deletions},
            {"insertions", c.insertions},
            {"errors", c.errors()},
            {"reference_length", c.reference_length},
            {"hypothesis_length", c.hypothesis_length},
            {"rate", c.rate()}};
}

nlohmann::json attribution_json(const ErrorAttribution& a) {
    return {{"recognition", a.recognition},
            {"wrongly_removed", a.wrongly_removed},
            {"noise_kept", a.noise_kept},
            {"correctly_removed", a.correctly_removed},
            {"reference_length", a.reference_length}};
}

double share(size_t part, size_t whole) {
    return double(part) / double(std::max<size_t>(1, whole));
}

}  // namespace

std::string format_percent(double fraction) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f%%", fraction * 100);
    return buf;
}

std::string render_text_report(const EvalReport& r, const ReportOptions& options) {
    std::string out = "Normalisations: " + join(r.normalizations) + "\n";
    size_t name_width = 8;
    for (const auto& p : r.pages) name_width = std::max(name_width, utf8_length(p.files.name) + 2);
    out += pad("page", name_width) + right("chars", 9) + right("subs", 7) + right("dels", 7) +
           right("ins", 7) + right("CER", 9) + right("words", 8) + right("w.err", 7) +
           right("WER", 9) + "\n";
    for (const auto& p : r.pages)
        out += counts_row(p.files.name, p.result.characters, p.result.words, name_width);
    if (r.pages.size() != 1) out += counts_row("TOTAL", r.characters, r.words, name_width);

    for (const auto& path : r.missing_hypotheses) out += "Missing hypothesis for " + path + "\n";
    for (const auto& path : r.missing_references) out += "No reference for " + path + "\n";
    for (const auto& f : r.failures) out += "Failed: " + f.message + "\n";
    if (!r.exact)
        out +=
            "(long texts aligned through anchors or in pieces: counts are an upper bound, see "
            "docs/eval.md)\n";

    if (r.has_attribution) {
        const ErrorAttribution& a = r.attribution;
        out += "\nError sources (pages with ⟦removed⟧ marks, share of reference characters):\n";
        out += "  recognition       " + right(std::to_string(a.recognition), 8) +
               right(format_percent(share(a.recognition, a.reference_length)), 9) + "\n";
        out += "  wrongly removed   " + right(std::to_string(a.wrongly_removed), 8) +
               right(format_percent(share(a.wrongly_removed, a.reference_length)), 9) + "\n";
        out += "  noise kept        " + right(std::to_string(a.noise_kept), 8) +
               right(format_percent(share(a.noise_kept, a.reference_length)), 9) + "\n";
        out += "  correctly removed " + right(std::to_string(a.correctly_removed), 8) +
               " (not errors)\n";
    }

    auto confusions = r.analysis.confusions(options.top);
    if (!confusions.empty()) {
        out += "\nMost frequent character errors (reference → hypothesis, ∅ = nothing):\n";
        for (const auto& c : confusions)
            out += "  " + shown_char(c.reference) + " → " + shown_char(c.hypothesis) + "  " +
                   std::to_string(c.count) + "×\n";
    }
    auto words = r.analysis.wrong_words(options.top);
    if (!words.empty()) {
        out += "\nMost frequent wrong words (read as):\n";
        for (const auto& w : words) {
            out += "  " + w.reference + "  " + std::to_string(w.count) + "×:";
            for (const auto& [reading, n] : w.readings)
                out += " " + (reading.empty() ? std::string("∅") : reading) + " (" +
                       std::to_string(n) + ")";
            out += "\n";
        }
    }
    return out;
}

std::string render_json_report(const EvalReport& r, const ReportOptions& options) {
    nlohmann::json j;
    j["cer"] = r.cer();
    j["wer"] = r.wer();
    j["characters"] = counts_json(r.characters);
    j["words"] = counts_json(r.words);
    // The character counts at top level too, for simple consumers.
    j["substitutions"] = r.characters.substitutions;
    j["deletions"] = r.characters.deletions;
    j["insertions"] = r.characters.insertions;
    j["reference_length"] = r.characters.reference_length;
    j["exact"] = r.exact;
    j["normalizations"] = r.normalizations;
    j["pages"] = nlohmann::json::array();
    for (const auto& p : r.pages) {
        nlohmann::json page = {{"name", p.files.name},
                               {"reference", p.files.reference},
                               {"hypothesis", p.files.hypothesis},
                               {"reference_format", to_string(p.reference_format)},
                               {"hypothesis_format", to_string(p.hypothesis_format)},
                               {"cer", p.result.cer()},
                               {"wer", p.result.wer()},
                               {"characters", counts_json(p.result.characters)},
                               {"words", counts_json(p.result.words)}};
        if (p.has_attribution) page["attribution"] = attribution_json(p.attribution);
        j["pages"].push_back(std::move(page));
    }
    j["missing_hypotheses"] = r.missing_hypotheses;
    j["missing_references"] = r.missing_references;
    j["failures"] = nlohmann::json::array();
    for (const auto& f : r.failures)
        j["failures"].push_back({{"name", f.files.name}, {"message", f.message}});
    if (r.has_attribution) j["attribution"] = attribution_json(r.attribution);
    j["confusions"] = nlohmann::json::array();
    for (const auto& c : r.analysis.confusions(options.top))
        j["confusions"].push_back(
            {{"reference", c.reference}, {"hypothesis", c.hypothesis}, {"count", c.count}});
    j["wrong_words"] = nlohmann::json::array();
    for (const auto& w : r.analysis.wrong_words(options.top)) {
        nlohmann::json readings = nlohmann::json::array();
        for (const auto& [reading, n] : w.readings)
            readings.push_back({{"text", reading}, {"count", n}});
        j["wrong_words"].push_back(
            {{"reference", w.reference}, {"count", w.count}, {"readings", readings}});
    }
    return j.dump(2) + "\n";
}

}  // namespace scanfix::eval
