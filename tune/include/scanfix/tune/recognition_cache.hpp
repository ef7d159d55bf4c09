// Recognised pages kept in memory by the settings that shaped them, so that tune recognises
// each distinct preprocessed image once per OCR setting (settings that change nothing on these
// pages cost a preprocessing, not a recognition), and every cleanup trial starts from a copy in
// microseconds instead of a Tesseract run of seconds.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace scanfix::tune {

// Makes the recognizer for one set of OCR parameters (a TesseractRecognizer outside tests).
using RecognizerFactory = std::function<std::unique_ptr<Recognizer>(const OcrParams&)>;

// The factory `scanfix run` uses: TesseractRecognizer.
RecognizerFactory tesseract_factory();

// True for the keys whose value changes what the recognizer reads or how: preprocess.* and
// ocr.*. Everything else (cleanup.*) works on the recognised words.
bool changes_recognition(const std::string& key);

class RecognitionCache {
  public:
    RecognitionCache(const Context& ctx, LoadOptions load, RecognizerFactory factory);
    ~RecognitionCache();

    // The pages of the image file, preprocessed by the pipeline and recognised with the ocr.*
    // values of its profile; the images are dropped (cleanup reads words, boxes and regions
    // only). Throws InputError, OcrError, ConfigError.
    const Document& recognised(const std::string& image, const Pipeline& pipeline);

    int recognitions() const { return recognitions_; }      // pages given to the recognizer
    int preprocessings() const { return preprocessings_; }  // image files preprocessed
    double recognition_seconds() const { return seconds_; }

  private:
    Recognizer& recognizer_for(const Profile& profile);

    // The last preprocessed pages of an image (with their images), so that trying another
    // page segmentation mode does not preprocess again.
    struct Prepared {
        std::string key;      // the preprocess.* values
        std::string content;  // hash of what preprocessing produced
        Document pages;
    };

    Context ctx_;
    LoadOptions load_;
    RecognizerFactory factory_;
    // Recognised pages by image, preprocessed content and OCR settings; and the same pages by
    // image and settings, as many settings give the same content.
    std::map<std::string, Document> by_content_;
    std::map<std::string, const Document*> by_settings_;
    std::map<std::string, Prepared> preprocessed_;
    // Recognizers by OCR key; few are kept, as each holds a loaded language model.
    std::map<std::string, std::unique_ptr<Recognizer>> recognizers_;
    int recognitions_ = 0;
    int preprocessings_ = 0;
    double seconds_ = 0;
};

}  // namespace scanfix::tune
