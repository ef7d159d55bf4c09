// The stamp filter: stamp lines named by the profile's patterns, stamp form fields («Экз. №.....»)
// and, on OCR pages, words inside the stamp regions preprocessing found.
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {
namespace {

// A few letters, then a row of dots or underscores to be filled in by hand.
bool is_form_field(const Line& line, const std::vector<int>& kept, const StampParams& p) {
    if (kept.size() > 3) return false;
    // A fill-in row OCR broke at a gap («№.. ...») is one row: the tokens are read together.
    std::string joined;
    int letters = 0;
    for (int w : kept) {
        joined += line.words[w].text;
        letters += shape::shape_of(line.words[w].text).letters;
    }
    return shape::ends_with_fill_in(joined, p.fill_in_run) && letters > 0 &&
           letters <= p.max_form_field_letters;
}

}  // namespace

void remove_stamps(Page& page, const StampParams& params, const LinePatterns& patterns,
                   const Lexicon* lexicon) {
    const cv::Rect column = facts::text_column(page);
    const int median_h = facts::median_word_height(page);
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        std::vector<int> kept = facts::kept_words(line);
        if (kept.empty()) continue;
        if (int(kept.size()) <= params.max_line_tokens && !facts::inside_sentence(page, li)) {
            if (patterns.matches(line.text())) {
                page.remove_line(li, "stamp", "matches a stamp pattern of the profile");
                continue;
            }
            if (params.form_fields && is_form_field(line, kept, params)) {
                page.remove_line(li, "stamp", "stamp form field (letters and a fill-in row)");
                continue;
            }
        }
        for (int wi : kept) {
            const Word& w = line.words[wi];
            if (!facts::in_region(page, w.box, RegionKind::Stamp)) continue;
            bool in_column =
                column.area() > 0 && !facts::outside_column(w.box, column, median_h / 2);
            // Typed text under a stamp is still text: keep a known, confidently read word.
            if (in_column && lexicon && lexicon->knows(w.text) &&
                w.confidence >= params.max_confidence_in_column)
                continue;
            page.remove_word(li, wi, "stamp", "inside a stamp region");
        }
    }
}

namespace filters {
namespace {
// Stamp patterns are lists; each is compiled where it is read so a bad one names its file/line.
void add_pattern_list(const Profile& profile, const std::string& key, StampParams& params,
                      LinePatterns& patterns) {
    const ProfileEntry* e = profile.find(key);
    if (!e) return;
    for (const std::string& pattern : e->values) {
        patterns.add(pattern, e->file, e->line);
        params.patterns.push_back(pattern);
    }
}
}  // namespace

CleanupStageInfo stamp_stage() {
    return {"stamp", "stamp lines (profile patterns), stamp form fields, words in stamp regions",
            [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                const std::string prefix = stage_prefix("stamp");
                auto params = read_params<StampParams>(profile, prefix);
                LinePatterns patterns;
                add_pattern_list(profile, prefix + ".patterns", params, patterns);
                add_pattern_list(profile, prefix + ".extra_patterns", params, patterns);
                auto lexicon = lexicon_for(profile, ctx);
                return page_stage("stamp", [params, patterns, lexicon](Page& page) {
                    remove_stamps(page, params, patterns, lexicon.get());
                });
            },
            [] {
                const std::string prefix = stage_prefix("stamp");
                auto specs = describe_params<StampParams>(prefix);
                ParamSpec list{prefix + ".patterns",
                               ParamType::List,
                               "",
                               0,
                               0,
                               {},
                               "list of ICU regular expressions, each matching a whole stamp line",
                               false};
                specs.push_back(list);
                list.name = prefix + ".extra_patterns";
                list.help = "more stamp patterns, added to 'patterns' (for archive profiles)";
                specs.push_back(list);
                return specs;
            }};
}
}  // namespace filters

}  // namespace scanfix
