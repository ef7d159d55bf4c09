// The page model rebuilt from the JSON with the reviewer's verdicts; see corrected_pages.hpp.
#include "scanfix/review/corrected_pages.hpp"

#include <algorithm>

#include "scanfix/core/layout.hpp"
#include "scanfix/eval/metrics.hpp"

namespace scanfix::review {

Document corrected_document(const std::vector<OcrPage>& pages, const ReviewState* state) {
    Document doc;
    for (size_t p = 0; p < pages.size(); ++p) {
        const OcrPage& in = pages[p];
        Page page;
        page.source = in.source;
        page.index = in.index;
        page.from_text = in.from_text;
        // The boxes are on the scan already (the JSON's are): the map to it is the identity.
        page.source_size = cv::Size(std::max(0, in.width), std::max(0, in.height));
        for (size_t l = 0; l < in.lines.size(); ++l) {
            const OcrLine& il = in.lines[l];
            Line line;
            line.box = il.box;
            line.block = il.block;
            line.paragraph = il.paragraph;
            line.join = il.join;
            bool any_kept = false;
            for (size_t w = 0; w < il.words.size(); ++w) {
                const OcrWord& iw = il.words[w];
                const WordRef at{int(p), int(l), int(w)};
                Word word;
                word.text = final_text(state, at, iw);
                word.box = iw.box;
                word.confidence = iw.confidence;
                // A word typed away (or joined into its neighbour by the cleanup) is no word.
                word.removed = !final_kept(state, at, il, iw) || word.text.empty();
                const WordVerdict* v = state ? state->verdict(at) : nullptr;
                if (v && (v->checked || v->text != iw.text)) word.confidence = 100;
                any_kept = any_kept || !word.removed;
                line.words.push_back(std::move(word));
            }
            line.removed = !any_kept && (il.removed || !il.words.empty());
            page.lines.push_back(std::move(line));
        }
        doc.push_back(std::move(page));
    }
    return doc;
}

std::string diplomatic_page_text(const Document& doc, size_t page) {
    return render_text(Document{doc.at(page)}, Layout::Diplomatic);
}

double ocr_error_rate(const Document& ocr, const Document& corrected, size_t page) {
    return eval::evaluate(diplomatic_page_text(corrected, page), diplomatic_page_text(ocr, page))
        .cer();
}

}  // namespace scanfix::review
