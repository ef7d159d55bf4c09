// The margin-column filter: short tokens stacked one above the other beside the text, found by
// alignment outside the text column on OCR pages and by line structure in transcriptions.
#include <algorithm>

#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {
namespace {

struct Item {
    int line, word;
    int centre_x;
};

// OCR pages: short words outside the column, grouped by how well their centres line up.
void remove_by_geometry(Page& page, const MarginColumnParams& p, const cv::Rect& column,
                        int median_h) {
    const int slack = int(p.column_slack * median_h);
    const int tolerance = std::max(1, int(p.align_tolerance * median_h));
    std::vector<Item> left, right;
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        for (int wi : facts::kept_words(line)) {
            const Word& w = line.words[wi];
            if (!w.has_box() || !shape::is_short_letter_token(w.text, p.max_letters)) continue;
            if (!facts::outside_column(w.box, column, slack)) continue;
            Item item{li, wi, w.box.x + w.box.width / 2};
            (item.centre_x < column.x ? left : right).push_back(item);
        }
    }
    for (auto* side : {&left, &right}) {
        std::sort(side->begin(), side->end(),
                  [](const Item& a, const Item& b) { return a.centre_x < b.centre_x; });
        for (size_t start = 0; start < side->size();) {
            size_t end = start + 1;
            while (end < side->size() &&
                   (*side)[end].centre_x - (*side)[start].centre_x <= tolerance)
                ++end;
            std::vector<int> lines;
            for (size_t i = start; i < end; ++i) lines.push_back((*side)[i].line);
            std::sort(lines.begin(), lines.end());
            int stacked = int(std::unique(lines.begin(), lines.end()) - lines.begin());
            if (stacked >= p.min_run) {
                std::string why = "one of " + std::to_string(stacked) +
                                  " short tokens stacked in the " +
                                  (side == &left ? "left" : "right") + " margin";
                for (size_t i = start; i < end; ++i)
                    page.remove_word((*side)[i].line, (*side)[i].word, "margin_column", why);
                start = end;
            } else {
                ++start;
            }
        }
    }
}

// A run of consecutive lines that each hold one short token (transcriptions and OCR pages).
void remove_by_lines(Page& page, const MarginColumnParams& p, const Lexicon* lexicon) {
    auto is_item = [&](const Line& line) {
        std::vector<int> kept = facts::kept_words(line);
        return kept.size() == 1 &&
               shape::is_short_letter_token(line.words[kept[0]].text, p.max_letters);
    };
    const int n = int(page.lines.size());
    for (int i = 0; i < n;) {
        if (page.lines[i].empty() || !is_item(page.lines[i])) {
            ++i;
            continue;
        }
        std::vector<int> run;
        int j = i;
        for (; j < n; ++j) {
            if (page.lines[j].empty()) continue;  // lines already removed do not break a run
            if (!is_item(page.lines[j])) break;
            run.push_back(j);
        }
        i = j;
        if (int(run.size()) < p.min_run) continue;
        if (lexicon && int(run.size()) < p.certain_run) {
            int unknown = 0;
            for (int li : run) unknown += !lexicon->knows(page.lines[li].text());
            if (unknown < p.min_unknown_fraction * double(run.size())) continue;
        }
        std::string why = "one of a run of " + std::to_string(run.size()) +
                          " lines holding a single short token (margin column)";
        for (int li : run) page.remove_line(li, "margin_column", why);
    }
}

}  // namespace

void remove_margin_columns(Page& page, const MarginColumnParams& params, const Lexicon* lexicon) {
    const cv::Rect column = facts::text_column(page);
    const int median_h = facts::median_word_height(page);
    if (column.area() > 0 && median_h > 0) remove_by_geometry(page, params, column, median_h);
    // Line structure works on OCR pages too: a margin column that preprocessing took into the
    // text column still comes out as a run of one-token lines.
    remove_by_lines(page, params, lexicon);
}

namespace filters {
CleanupStageInfo margin_column_stage() {
    return {"margin_column", "short tokens stacked in a column beside the text",
            [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                auto params =
                    read_params<MarginColumnParams>(profile, stage_prefix("margin_column"));
                auto lexicon = lexicon_for(profile, ctx);
                return page_stage("margin_column", [params, lexicon](Page& page) {
                    remove_margin_columns(page, params, lexicon.get());
                });
            },
            [] { return describe_params<MarginColumnParams>(stage_prefix("margin_column")); }};
}
}  // namespace filters

}  // namespace scanfix
