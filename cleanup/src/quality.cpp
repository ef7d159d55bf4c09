// The label-free estimate of a reading's quality; see quality.hpp.
#include "scanfix/cleanup/quality.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "token_shape.hpp"

namespace scanfix {
namespace {

double confidence_of(const Word& w) {
    return w.confidence < 0 ? 0.5 : std::min(100.0, double(w.confidence)) / 100.0;
}

struct Judged {
    double plausibility = 0;
    bool known = false, garbled = false;
};

Judged judge(const Word& w, const Lexicon* lexicon, const QualityParams& p) {
    Judged j;
    const double c = confidence_of(w);
    const shape::TokenShape t = shape::shape_of(w.text);
    if (t.letters == 0) {
        // Numbers are read as they are; a speck stands for nothing the typist wrote.
        const bool speck = t.digits == 0;
        j.garbled = speck;
        j.plausibility = speck ? p.garbled_weight * c : c;
        return j;
    }
    if (shape::looks_garbled(w.text)) {
        j.garbled = true;
        j.plausibility = p.garbled_weight * c;
        return j;
    }
    if (!lexicon || !lexicon->has_dictionary()) {
        j.plausibility = c;
        return j;
    }
    j.known = lexicon->knows(w.text);
    j.plausibility = j.known ? p.known_floor + (1 - p.known_floor) * c : p.unknown_weight * c;
    return j;
}

}  // namespace

int counted_characters(const std::string& text) {
    int n = 0;
    for (int32_t i = 0; i < int32_t(text.size());) {
        UChar32 c;
        U8_NEXT(text.data(), i, int32_t(text.size()), c);
        if (c >= 0 && (u_isalpha(c) || u_isdigit(c))) ++n;
    }
    return n;
}

double word_plausibility(const Word& word, const Lexicon* lexicon, const QualityParams& p) {
    return judge(word, lexicon, p).plausibility;
}

void add_to_quality(ReadingQuality& q, const Word& word, double plausibility, bool known,
                    bool garbled, bool has_lexicon) {
    // A speck has no letters but still costs: count it as one character.
    const int n = std::max(1, counted_characters(word.text));
    const double before = std::max(0, q.characters);
    const double total = before + n;
    auto mix = [&](double old_value, double value) {
        return old_value < 0 ? value : (old_value * before + value * n) / total;
    };
    q.score = mix(q.score, plausibility);
    q.confidence = mix(q.confidence, confidence_of(word));
    q.garbled_share = (q.garbled_share * before + (garbled ? n : 0)) / total;
    if (has_lexicon && shape::shape_of(word.text).letters > 0 && !garbled) {
        const double asked = q.lexicon_characters;
        q.known_share = (std::max(0.0, q.known_share) * asked + (known ? n : 0)) / (asked + n);
        q.lexicon_characters += n;
    }
    q.characters = int(total);
    q.evidence += n * (2 * plausibility - 1);
}

ReadingQuality line_quality(const Line& line, const Lexicon* lexicon, const QualityParams& p) {
    ReadingQuality q;
    if (line.removed) return q;
    const bool has_lexicon = lexicon && lexicon->has_dictionary();
    for (const Word& w : line.words) {
        if (w.removed || w.text.empty()) continue;
        const Judged j = judge(w, lexicon, p);
        add_to_quality(q, w, j.plausibility, j.known, j.garbled, has_lexicon);
    }
    return q;
}

ReadingQuality estimate_page_quality(Page& page, const Lexicon* lexicon, const QualityParams& p) {
    ReadingQuality total;
    const bool has_lexicon = lexicon && lexicon->has_dictionary();
    for (Line& line : page.lines) {
        line.quality = ReadingQuality();
        if (line.removed) continue;
        for (const Word& w : line.words) {
            if (w.removed || w.text.empty()) continue;
            const Judged j = judge(w, lexicon, p);
            add_to_quality(line.quality, w, j.plausibility, j.known, j.garbled, has_lexicon);
            add_to_quality(total, w, j.plausibility, j.known, j.garbled, has_lexicon);
        }
    }
    page.quality = total;
    return total;
}

}  // namespace scanfix
