// The marginalia filter: handwriting in the margins (or between the lines) that OCR turned into
// garbage. Typed text is read with confidence and gives words; handwriting gives neither.
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

namespace scanfix {

void remove_marginalia(Page& page, const MarginaliaParams& params, const Lexicon* lexicon) {
    const cv::Rect column = facts::text_column(page);
    const int median_h = facts::median_word_height(page);
    auto known = [&](const std::string& t) { return lexicon && lexicon->knows(t); };
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        std::vector<int> kept = facts::kept_words(line);
        if (kept.empty()) continue;
        bool geometry = false;
        for (int wi : kept) {
            const Word& w = line.words[wi];
            if (!w.has_box() || w.confidence < 0) continue;
            geometry = true;
            bool margin = facts::in_region(page, w.box, RegionKind::Margin) ||
                          facts::outside_column(w.box, column, median_h / 2);
            if (margin && w.confidence < params.min_confidence_known) {
                // Scanner edges and paper texture read as short "words", some of them in the
                // dictionary (и, я, НИИ): at this confidence nothing was typed there.
                page.remove_word(li, wi, "marginalia",
                                 "almost no confidence, outside the text column");
                continue;
            }
            if (known(w.text)) continue;
            bool garbled = shape::looks_garbled(w.text);
            if (margin && params.numbers_in_margins &&
                (shape::is_number_token(w.text) || shape::is_punctuation_only(w.text)))
                page.remove_word(li, wi, "marginalia",
                                 "number or mark outside the text column (folio, registration)");
            else if (margin && (w.confidence < params.max_confidence || garbled))
                page.remove_word(li, wi, "marginalia",
                                 garbled ? "garbled word outside the text column"
                                         : "unknown low-confidence word outside the text column");
            else if (!margin && garbled && w.confidence < params.max_confidence_in_column)
                page.remove_word(li, wi, "marginalia",
                                 "garbled very low-confidence word (interlinear note)");
        }
        if (geometry || !params.transcriptions) continue;
        // Transcriptions: a line set apart whose tokens are mostly garbled and all unknown.
        if (!facts::alone_in_paragraph(page, li) && !facts::at_page_edge(page, li)) continue;
        if (facts::inside_sentence(page, li)) continue;
        int garbled = 0;
        bool any_known = false;
        for (int wi : kept) {
            garbled += shape::looks_garbled(line.words[wi].text);
            any_known = any_known || known(line.words[wi].text);
        }
        if (!any_known && garbled > 0 &&
            garbled >= params.min_garbled_fraction * double(kept.size()))
            page.remove_line(li, "marginalia", "a line set apart made of garbled tokens");
    }
}

namespace filters {
CleanupStageInfo marginalia_stage() {
    return {"marginalia", "handwritten notes recognised as garbage",
            [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                auto params = read_params<MarginaliaParams>(profile, stage_prefix("marginalia"));
                auto lexicon = lexicon_for(profile, ctx);
                return std::make_unique<PageStage>("marginalia", [params, lexicon](Page& page) {
                    remove_marginalia(page, params, lexicon.get());
                });
            },
            [] { return describe_params<MarginaliaParams>(stage_prefix("marginalia")); }};
}
}  // namespace filters

}  // namespace scanfix
