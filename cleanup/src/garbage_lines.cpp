// Lines that recognition itself judges unreadable: read from a rotated stamp, a blot, a
// signature or the grain of a shadow, they come out as a line of short unknown tokens and
// symbols ("x =", "a a)", "e& = a") with a very low estimated quality. Typing never reads that
// way: a line of type holds a word of more than three letters, a known word, a digit, or reads
// with confidence. And a line of letters far lower than the type's (the tops of a line the
// page's edge cuts off, the strokes of a rule) read with low quality is none either. Decided
// after recognition, from the line's own reading and size; see filters.hpp.
#include "filter_stages.hpp"
#include "page_facts.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "token_shape.hpp"

#include <algorithm>

#include "scanfix/core/text.hpp"

namespace scanfix {
namespace {

// Only dashes, or with `worn`, also equals signs (as a worn dash may read): the frame of a typed
// folio «- 5 -».
bool dashes_only(const std::string& token, bool worn) {
    const std::u32string t = utf32_of(token);
    return !t.empty() && std::all_of(t.begin(), t.end(), [worn](char32_t c) {
        return shape::is_dash(c) || (worn && c == U'=');
    });
}

// A line with a letter or a digit lower than `thin_height` of the page's words: no whole letter
// of the type stands in it.
bool thin(const Line& line, const std::vector<int>& kept, int word_height,
          const GarbageLinesParams& params) {
    if (word_height <= 0 || line.quality.score >= params.thin_quality) return false;
    // The line's own box: a word's box may reach into the line below or above.
    const cv::Rect box = facts::line_box(line);
    if (box.area() == 0 || box.height >= params.thin_height * word_height) return false;
    return std::any_of(kept.begin(), kept.end(), [&](int wi) {
        const shape::TokenShape t = shape::shape_of(line.words[wi].text);
        return t.letters + t.digits > 0;
    });
}

}  // namespace

void remove_garbage_lines(Page& page, const GarbageLinesParams& params, const Lexicon* lexicon) {
    const int word_height = facts::median_word_height(page);
    for (int li = 0; li < int(page.lines.size()); ++li) {
        const Line& line = page.lines[li];
        if (line.removed || !line.quality.known()) continue;
        const std::vector<int> kept = facts::kept_words(line);
        if (kept.empty()) continue;
        if (thin(line, kept, word_height, params)) {
            page.remove_line(li, "garbage_lines",
                             "lower than the letters of the type and read with low quality: "
                             "strokes or letters cut off, no line of type");
            continue;
        }
        if (line.quality.score >= params.max_quality) continue;
        bool typing = false;
        for (int wi : kept) {
            const Word& w = line.words[wi];
            if (!w.has_box()) typing = true;  // a transcription's line: not judged here
            const shape::TokenShape t = shape::shape_of(w.text);
            if (t.letters > params.max_letters || t.digits > 0) typing = true;
            if (t.letters >= 2 && lexicon && lexicon->knows(w.text)) typing = true;
        }
        // A folio typed between dashes whose number reads as letters («- bb =») is typing too.
        const bool folio = kept.size() >= 2 && dashes_only(line.words[kept.front()].text, false) &&
                           dashes_only(line.words[kept.back()].text, true);
        if (typing || folio) continue;
        page.remove_line(li, "garbage_lines",
                         "short unknown tokens and symbols read with very low quality: no typing");
    }
}

namespace filters {
CleanupStageInfo garbage_lines_stage() {
    return {"garbage_lines",
            "lines of short unknown tokens and symbols that recognition reads with very low "
            "quality (rotated stamps, blots, signatures)",
            [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                auto params =
                    read_params<GarbageLinesParams>(profile, stage_prefix("garbage_lines"));
                auto lexicon = lexicon_for(profile, ctx);
                return page_stage("garbage_lines", [params, lexicon](Page& page) {
                    remove_garbage_lines(page, params, lexicon.get());
                });
            },
            [] { return describe_params<GarbageLinesParams>(stage_prefix("garbage_lines")); }};
}
}  // namespace filters

}  // namespace scanfix
