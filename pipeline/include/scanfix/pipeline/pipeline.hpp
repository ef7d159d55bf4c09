// The pipeline object: built once per process from a profile, the way TessBaseAPI is for
// Tesseract. It owns the preprocessing steps and the cleanup stages (with their lexicons,
// transliterators and confusion tables) and hands each thread a Reader with its own recognizer.
// `scanfix run`, the batch workers, tune and the benchmarks all read pages through it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/cleanup/quality.hpp"
#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/second_reading.hpp"
#include "scanfix/pipeline/turned_text.hpp"

namespace scanfix {

class Preprocessor;
class Cleanup;
class Lexicon;

struct PipelineOptions {
    LoadOptions load;
    // Keep page.image, gray and binary after recognition. Off, a page keeps only its words,
    // lines, regions, log and geometry, so a document's memory does not grow with its pages.
    bool keep_images = false;
};

class Pipeline {
  public:
    // Copies the profile, checks every key and value it sets (ConfigError with file and line),
    // and builds the preprocessing steps and cleanup stages. No recognizer is started yet.
    Pipeline(const Profile& profile, const Context& ctx, PipelineOptions options = {});
    ~Pipeline();
    Pipeline(const Pipeline&) = delete;
    Pipeline& operator=(const Pipeline&) = delete;

    // What one thread reads pages with: its own recognizer, everything else shared.
    class Reader {
      public:
        // Preprocesses and recognises a loaded page, reads again where the first reading may
        // have lost text (second_reading.hpp), reads stacks of weak lines turned
        // (turned_text.hpp), and estimates each line's quality. The images
        // are released unless keep_images.
        void read(Page& page);
        // Page `index` of a file, loaded and read. Throws InputError, OcrError.
        Page read_page(const std::string& path, int index);
        // Every page of a file, loaded one at a time. Throws InputError, OcrError.
        Document read_file(const std::string& path);

      private:
        friend class Pipeline;
        Reader(const Pipeline& pipeline, std::unique_ptr<Recognizer> recognizer);
        void read_again(Page& page);
        void read_turned(Page& page);
        const Pipeline& pipeline_;
        std::unique_ptr<Recognizer> recognizer_;
    };

    // A reader with a Tesseract engine of the profile's ocr.* settings. Throws OcrError (e.g.
    // a language that is not installed).
    std::unique_ptr<Reader> reader() const;
    // A reader with the given recognizer (tests feed pages through a fake one).
    std::unique_ptr<Reader> reader(std::unique_ptr<Recognizer> recognizer) const;

    // The preprocessing alone (tune caches its results).
    void preprocess(Page& page) const;
    // The cleanup stages over a document of recognised pages, then each page's quality
    // estimate of what is kept (Page::quality, Line::quality).
    void clean(Document& doc) const;

    const Profile& profile() const { return profile_; }
    const Context& context() const { return ctx_; }
    const OcrParams& ocr() const { return ocr_; }
    const PipelineOptions& options() const { return options_; }

  private:
    Profile profile_;
    Context ctx_;
    PipelineOptions options_;
    OcrParams ocr_;
    QualityParams quality_;
    SecondReadingParams second_;
    UnreadInkParams unread_;
    TurnedTextParams turned_;
    std::shared_ptr<const Lexicon> lexicon_;
    std::unique_ptr<Preprocessor> preprocessor_;
    std::unique_ptr<Cleanup> cleanup_;
};

// Every parameter a pipeline reads: ocr.*, preprocess.* and cleanup.*, with defaults.
std::vector<ParamSpec> pipeline_param_specs();

}  // namespace scanfix
