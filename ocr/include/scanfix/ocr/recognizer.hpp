// Recognition: the Recognizer interface that fills a page's lines and words, and the Tesseract
// implementation behind it. Tesseract's headers stay inside ocr/src, so cleanup and eval are
// built and tested without them, and tests can feed pages through a fake recognizer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

struct OcrParams;

class Recognizer {
  public:
    virtual ~Recognizer() = default;
    // Fills page.lines from page.binary, or page.gray, or page.image (the first that exists,
    // in the order the recognizer prefers). Throws OcrError.
    virtual void recognize(Page& page) = 0;
    // A second reading with other settings of the same language (which image, which
    // binarisation, which segmentation), of the whole page or, when `areas` is not empty, of
    // those areas only (boxes on the image read). The default reads as recognize() does.
    virtual void recognize_with(Page& page, const OcrParams& /*settings*/,
                                const std::vector<cv::Rect>& /*areas*/ = {}) {
        recognize(page);
    }
};

struct OcrParams {
    std::string lang = "rus";           // Tesseract languages, e.g. "rus" or "rus+eng"
    int psm = 3;                        // Tesseract page segmentation mode
    int margin_psm = 6;                 // the same for each margin read on its own
    int table_psm = 6;                  // the same for each row of a ruled table
    bool by_region = true;              // read the text column and each margin apart
    std::string input = "binary";       // which working image Tesseract reads
    std::string thresholding = "otsu";  // Tesseract's own binarisation of grey/colour input
    bool alternatives = true;           // fill Word::alternatives from Tesseract's choices
    std::string tessdata;  // folder with *.traineddata; empty = TESSDATA_PREFIX or Debian's

    template <class V>
    void describe(V& v) {
        v("lang", lang, {}, "Tesseract language(s), joined by '+', e.g. rus+eng");
        v("psm", psm, 0, 13, "Tesseract page segmentation mode (3 = automatic, 6 = one block)");
        v("margin_psm", margin_psm, 0, 13,
          "page segmentation mode for each margin region read on its own (6 = one block)");
        v("table_psm", table_psm, 0, 13,
          "page segmentation mode for each row of a ruled table, read on its own (6 = one "
          "block, so the row's cells come out as one line)");
        v("by_region", by_region,
          "read the text column and each margin region apart, so margin notes never merge "
          "into body lines (needs preprocessing's text column)");
        v("input", input, {"binary", "gray", "original"},
          "image handed to Tesseract: the binarised page, the flattened grey page, or the file as "
          "loaded");
        v("thresholding", thresholding, {"otsu", "leptonica_otsu", "sauvola"},
          "Tesseract's built-in binarisation, used when it reads a grey or colour image");
        v("alternatives", alternatives,
          "keep the other readings Tesseract considered for each word (its per-letter "
          "choices), for lexicon correction to prefer");
    }
    void validate() const;
};

// The folder holding Tesseract's *.traineddata files that scanfix will use.
std::string tessdata_dir(const std::string& configured = "");

// The first language of `lang` ("rus+eng") with no traineddata installed, or "" when all are.
std::string missing_language(const std::string& lang, const std::string& tessdata = "");

// Throws OcrError naming the first language of `lang` with no traineddata installed.
void check_languages_installed(const std::string& lang, const std::string& tessdata = "");

class TesseractRecognizer : public Recognizer {
  public:
    // Initialises Tesseract once; reuse the recognizer for many pages. Throws OcrError.
    explicit TesseractRecognizer(const OcrParams& params);
    ~TesseractRecognizer() override;
    void recognize(Page& page) override;
    // settings.lang must be the engine's; the other ocr.* settings apply to this reading only.
    void recognize_with(Page& page, const OcrParams& settings,
                        const std::vector<cv::Rect>& areas = {}) override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace scanfix
