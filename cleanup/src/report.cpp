// The JSON cleanup report built from the pages' logs (see report.hpp).
#include "scanfix/cleanup/report.hpp"

#include <map>
#include <nlohmann/json.hpp>

namespace scanfix {

std::string cleanup_report_json(const Document& doc) {
    nlohmann::json entries = nlohmann::json::array();
    std::map<std::string, int> counts{{"removed", 0}, {"replaced", 0}, {"joined", 0}};
    for (size_t p = 0; p < doc.size(); ++p) {
        const Page& page = doc[p];
        for (const LogEntry& e : page.log) {
            nlohmann::json j;
            j["page"] = p + 1;
            j["source"] = page.source;
            j["line"] = e.line >= 0 ? nlohmann::json(e.line + 1) : nlohmann::json();
            j["word"] = e.word >= 0 ? nlohmann::json(e.word + 1) : nlohmann::json();
            j["stage"] = e.stage;
            j["action"] = e.action;
            j["reason"] = e.reason;
            j["before"] = e.before;
            j["after"] = e.after;
            if (e.box.area() > 0) j["box"] = {e.box.x, e.box.y, e.box.width, e.box.height};
            entries.push_back(std::move(j));
            ++counts[e.action];
        }
    }
    nlohmann::json report;
    for (const auto& [action, n] : counts) report[action] = n;
    report["entries"] = std::move(entries);
    // Invalid UTF-8 cannot reach here (inputs are validated), but never throw while reporting.
    return report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace scanfix
