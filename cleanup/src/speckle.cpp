// The speckle filter: stray marks in transcriptions, and on OCR pages low-confidence marks and
// single letters that are too small for the page's type or sit off their line.
#include <algorithm>

#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "scanfix/core/text.hpp"
#include "token_shape.hpp"

namespace scanfix {
namespace {

bool is_dash_or_quote(const std::string& t) {
    static const char* const kept[] = {"-", "–", "—", "―", "\"", "«", "»", "„", "“", "”", "(", ")"};
    for (const char* k : kept)
        if (t == k) return true;
    return false;
}

// The vertical band of a line's ordinary (not tiny) words, or an empty range when it has none.
std::pair<int, int> ordinary_band(const Line& line, int median_height) {
    std::vector<int> tops, bottoms;
    for (int w : facts::kept_words(line)) {
        const cv::Rect& b = line.words[w].box;
        if (b.area() == 0 || b.height < 0.6 * median_height) continue;
        tops.push_back(b.y);
        bottoms.push_back(b.y + b.height);
    }
    if (tops.empty()) return {0, 0};
    std::nth_element(tops.begin(), tops.begin() + long(tops.size() / 2), tops.end());
    std::nth_element(bottoms.begin(), bottoms.begin() + long(bottoms.size() / 2), bottoms.end());
    return {tops[tops.size() / 2], bottoms[bottoms.size() / 2]};
}

}  // namespace

void remove_speckle(Page& page, const SpeckleParams& params, const Lexicon* lexicon) {
    const int median_h = facts::median_word_height(page);
    const cv::Rect column = facts::text_column(page);
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        if (line.removed) continue;
        auto band = ordinary_band(line, median_h);
        for (int wi : facts::kept_words(line)) {
            const Word& w = line.words[wi];
            if (!w.has_box() || w.confidence < 0) {
                if (params.transcriptions && shape::is_speck(w.text))
                    page.remove_word(li, wi, "speckle", "stray marks, no letter or digit");
                continue;
            }
            if (w.confidence >= params.max_confidence) continue;
            shape::TokenShape s = shape::shape_of(w.text);
            bool mark = s.letters == 0 && s.digits == 0;
            bool single = s.letters == 1 && s.digits == 0 && utf8_length(w.text) <= 2;
            if (!mark && !single) continue;
            bool tiny = median_h > 0 && w.box.height < params.max_height * median_h;
            bool off_line = band.second <= band.first || w.box.y + w.box.height <= band.first ||
                            w.box.y >= band.second;
            bool outside = facts::outside_column(w.box, column, median_h / 2);
            bool far = off_line || outside;
            // A letter of ordinary size on its line may be a word (в, с, и, a); a dash or a
            // quote is flat or small by nature. Those go only when they sit away from text.
            if (single && !far && (!tiny || (lexicon && lexicon->knows(w.text)))) continue;
            if (mark && !far && is_dash_or_quote(w.text)) continue;
            if (mark && !far && !tiny && !shape::is_speck(w.text)) continue;
            std::string why = far ? (outside ? "outside the text column" : "off its text line")
                                  : "much smaller than the page's type";
            page.remove_word(li, wi, "speckle",
                             std::string(single ? "single letter" : "stray mark") +
                                 " with low confidence, " + why);
        }
    }
}

namespace filters {
CleanupStageInfo speckle_stage() {
    return {"speckle",
            "stray marks; on OCR pages low-confidence marks and letters off the text lines",
            [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                auto params = read_params<SpeckleParams>(profile, stage_prefix("speckle"));
                auto lexicon = lexicon_for(profile, ctx);
                return page_stage("speckle", [params, lexicon](Page& page) {
                    remove_speckle(page, params, lexicon.get());
                });
            },
            [] { return describe_params<SpeckleParams>(stage_prefix("speckle")); }};
}
}  // namespace filters

}  // namespace scanfix
