// The registration-number filter: lines of registration and cypher numbers (520745, 53 7/46,
// N 21, III) that archives and cypher offices stamp or write around a document's text.
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {

void remove_registration_numbers(Page& page, const RegistrationNumberParams& params) {
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        std::vector<int> kept = facts::kept_words(line);
        if (kept.empty() || int(kept.size()) > params.max_tokens) continue;
        bool all_numbers = true, has_digits = false;
        for (int w : kept) {
            const std::string& t = line.words[w].text;
            if (shape::is_number_token(t))
                has_digits = has_digits || shape::shape_of(t).digits > 0;
            else if (!shape::is_roman_numeral(t))
                all_numbers = false;
        }
        if (!all_numbers || !has_digits) continue;
        if (params.keep_dates && kept.size() == 1 &&
            shape::is_numeric_date(line.words[kept[0]].text))
            continue;
        if (facts::inside_sentence(page, li)) continue;
        page.remove_line(li, "registration_number", "a line of registration or cypher numbers");
    }
}

namespace filters {
CleanupStageInfo registration_number_stage() {
    return {
        "registration_number", "lines of registration and cypher numbers",
        [](const Profile& profile, const Context&) -> std::unique_ptr<CleanupStage> {
            auto params =
                read_params<RegistrationNumberParams>(profile, stage_prefix("registration_number"));
            return page_stage("registration_number",
                              [params](Page& page) { remove_registration_numbers(page, params); });
        },
        [] {
            return describe_params<RegistrationNumberParams>(stage_prefix("registration_number"));
        }};
}
}  // namespace filters

}  // namespace scanfix
