// The marginalia filter: handwriting in the margins (or between the lines) that OCR turned into
// garbage. Typed text is read with confidence and gives words; handwriting gives neither.
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "scanfix/core/box_overlap.hpp"
#include "token_shape.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace scanfix {

namespace {

// Blocks of words lying wholly outside the text column that read like handwriting: a low mean
// confidence, and letters larger or more irregular in height than the body's type. Typed margin
// text (a folio, a typed note) is read with confidence and has the type's height.
void remove_handwritten_blocks(Page& page, const MarginaliaParams& params, const cv::Rect& column,
                               int median_h) {
    if (column.empty() || median_h <= 0) return;
    struct Block {
        std::vector<std::pair<int, int>> words;  // (line, word)
        bool all_outside = true;
    };
    std::map<int, Block> blocks;
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        if (line.removed) continue;
        for (int wi = 0; wi < int(line.words.size()); ++wi) {
            const Word& w = line.words[wi];
            if (!w.has_box() || w.confidence < 0) continue;
            Block& b = blocks[line.block];
            b.words.emplace_back(li, wi);
            const bool outside = facts::in_region(page, w.box, RegionKind::Margin) ||
                                 facts::outside_column(w.box, column, median_h / 2);
            b.all_outside = b.all_outside && outside && (w.box & column).area() == 0;
        }
    }
    for (auto& [id, b] : blocks) {
        if (!b.all_outside || b.words.empty()) continue;
        double conf = 0, sum = 0, sum2 = 0;
        std::vector<int> heights;
        for (auto [li, wi] : b.words) {
            const Word& w = page.lines[li].words[wi];
            conf += w.confidence;
            sum += w.box.height;
            sum2 += double(w.box.height) * w.box.height;
            heights.push_back(w.box.height);
        }
        const double n = double(b.words.size());
        conf /= n;
        const double mean = sum / n;
        const double spread = std::sqrt(std::max(0.0, sum2 / n - mean * mean)) / mean;
        std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
        const bool tall = heights[heights.size() / 2] > params.handwriting_height * median_h;
        const bool irregular = b.words.size() > 1 && spread > params.handwriting_spread;
        if (conf >= params.handwriting_confidence || !(tall || irregular)) continue;
        for (auto [li, wi] : b.words)
            if (!page.lines[li].words[wi].removed)
                page.remove_word(li, wi, "marginalia",
                                 tall ? "handwriting: a margin block read with low confidence, "
                                        "letters larger than the type"
                                      : "handwriting: a margin block read with low confidence, "
                                        "letters of irregular height");
    }
}

// The word stands in its line of type: the kept word next to it on either side lies within its
// height, as the type of one line does. A misread typed word often comes out taller than its
// neighbours (a correction written over it, a diacritic, a merged speck) and may stand first or
// last on its line; a note written between two lines sits off their type.
bool typed_in_line(const Line& line, const std::vector<int>& kept, int wi) {
    const Word& w = line.words[wi];
    auto holds = [&](int other) {
        const Word& o = line.words[other];
        return o.has_box() && o.box.height > 0 && w.box.height <= 3 * o.box.height &&
               3 * vertical_overlap(w.box, o.box) >= 2 * o.box.height;
    };
    const auto at = std::find(kept.begin(), kept.end(), wi);
    if (at == kept.end()) return false;
    return (at != kept.begin() && holds(*(at - 1))) || (at + 1 != kept.end() && holds(*(at + 1)));
}

}  // namespace

void remove_marginalia(Page& page, const MarginaliaParams& params, const Lexicon* lexicon) {
    const cv::Rect column = facts::text_column(page);
    const int median_h = facts::median_word_height(page);
    remove_handwritten_blocks(page, params, column, median_h);
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
            else if (!margin && garbled && w.confidence < params.max_confidence_in_column &&
                     !typed_in_line(line, kept, wi))
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
                return page_stage("marginalia", [params, lexicon](Page& page) {
                    remove_marginalia(page, params, lexicon.get());
                });
            },
            [] { return describe_params<MarginaliaParams>(stage_prefix("marginalia")); }};
}
}  // namespace filters

}  // namespace scanfix
