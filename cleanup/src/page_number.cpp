// The page-number filter: a line holding only a page or folio number that stands apart from
// the text (alone between paragraphs, at the top or bottom of the page, or beside the column).
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {
namespace {
// The line's kept text with transcription markup (**2.**) taken off each token.
std::string plain_text(const Line& line) {
    std::string out;
    for (int w : facts::kept_words(line)) {
        if (!out.empty()) out += ' ';
        out += std::string(shape::strip_markup(line.words[w].text));
    }
    return out;
}
}  // namespace

void remove_page_numbers(Page& page, const PageNumberParams&, const LinePatterns& pattern) {
    const cv::Rect column = facts::text_column(page);
    const int median_h = facts::median_word_height(page);
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        if (line.empty() || facts::kept_words(line).size() > 3) continue;
        if (!pattern.matches(plain_text(line)) || facts::inside_sentence(page, li)) continue;
        const char* why = nullptr;
        if (facts::at_page_edge(page, li))
            why = "page number at the top or bottom of the page";
        else if (facts::alone_in_paragraph(page, li))
            why = "page number alone between paragraphs";
        else if (facts::outside_column(facts::line_box(line), column, median_h))
            why = "page number outside the text column";
        if (why) page.remove_line(li, "page_number", why);
    }
}

namespace filters {
CleanupStageInfo page_number_stage() {
    return {"page_number", "page and folio numbers standing apart from the text",
            [](const Profile& profile, const Context&) -> std::unique_ptr<CleanupStage> {
                const std::string prefix = stage_prefix("page_number");
                auto params = read_params<PageNumberParams>(profile, prefix);
                const ProfileEntry* where = profile.find(prefix + ".pattern");
                LinePatterns pattern;
                pattern.add(params.pattern, where ? where->file : "", where ? where->line : 0);
                return page_stage("page_number", [params, pattern](Page& page) {
                    remove_page_numbers(page, params, pattern);
                });
            },
            [] { return describe_params<PageNumberParams>(stage_prefix("page_number")); }};
}
}  // namespace filters

}  // namespace scanfix
