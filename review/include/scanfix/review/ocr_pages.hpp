// What a reviewer sees of a page as scanfix read it, taken from the JSON dump of the page model
// (emit/src/json.cpp): every word with its box and confidence, the text as the recogniser read
// it and as the cleanup left it, and for each removed word or line the reason it went.
#pragma once

#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"

namespace scanfix::review {

struct OcrWord {
    std::string text;        // as scanfix output it (after the cleanup's replacements)
    std::string read;        // as the recogniser read it, before any replacement
    std::string changed_by;  // the replacements' reasons ("stage: reason"), empty when none
    cv::Rect box;            // on the scan
    float confidence = -1;   // 0..100, negative when unknown
    bool removed = false;    // the word alone was removed
    std::string removal;     // why ("stage: reason"), when removed

    bool replaced() const { return text != read; }
};

struct OcrLine {
    std::vector<OcrWord> words;
    cv::Rect box;
    int block = 0, paragraph = 0;
    LineJoin join = LineJoin::Space;
    bool removed = false;  // the whole line was removed
    std::string removal;   // why, when removed
};

struct OcrPage {
    std::string source;  // the scan as the run named it
    std::string image;   // the scan by an absolute path ("image" key), else `source`
    int index = 0;       // page within the scan file
    int width = 0, height = 0;
    bool from_text = false;         // built from a transcription: no scan, no boxes
    std::optional<double> quality;  // the page's own quality estimate 0..1, when the JSON has one
    std::vector<OcrLine> lines;

    // The page's quality 0..1: the estimate the JSON carries, else the mean confidence of the
    // kept words (1 when no word has one).
    double quality_or_confidence() const;
    bool has_quality_estimate() const { return quality.has_value(); }
};

// A word is kept in the OCR output when neither it nor its line was removed.
inline bool kept_in_ocr(const OcrLine& line, const OcrWord& word) {
    return !line.removed && !word.removed;
}

// Reads the JSON written by `scanfix run -f json`. Throws InputError naming the file for a file
// that cannot be read, is not JSON, or is not a scanfix page model (with the key that is wrong).
std::vector<OcrPage> read_ocr_pages(const std::string& path);
// The same from the JSON text; `name` is used in errors.
std::vector<OcrPage> parse_ocr_pages(const std::string& json, const std::string& name);

// Largest JSON file review reads (a page's model is a few hundred kilobytes).
constexpr size_t kMaxPageJsonBytes = 64u << 20;

}  // namespace scanfix::review
