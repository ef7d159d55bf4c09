// The three readings the benchmark compares on every page, each timed on the worker's own
// thread: plain Tesseract on the file as loaded, Tesseract with its Sauvola binarisation, and
// scanfix. A worker keeps its engines (one per method and language) for all its pages.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "scanfix/pipeline/pipeline.hpp"

namespace scanfix::bench {

// What one reading of one page gave.
struct Reading {
    std::string text;    // diplomatic layout ("" when it failed)
    double seconds = 0;  // load + recognition (+ scanfix's preprocessing and cleanup)
    std::string error;   // why it failed, when it did
};

// The one place the benchmark runs the scanfix pipeline on a page file, as `scanfix run` does.
class ScanfixPipeline {
  public:
    ScanfixPipeline(const Profile& profile, const std::string& lang);
    ScanfixPipeline(const ScanfixPipeline&) = delete;
    ScanfixPipeline& operator=(const ScanfixPipeline&) = delete;
    // The page's text in the diplomatic layout. Throws scanfix::Error.
    std::string read(const std::string& image);

  private:
    Pipeline pipeline_;
    std::unique_ptr<Pipeline::Reader> reader_;
};

// One worker's engines, made on first use.
class Readers {
  public:
    // `profiles` by name ("default", "ehri"), with the run's --set overrides applied.
    explicit Readers(const std::map<std::string, Profile>& profiles) : profiles_(profiles) {}

    Reading plain(const std::string& image, const std::string& lang);
    Reading sauvola(const std::string& image, const std::string& lang);
    Reading scanfix(const std::string& image, const std::string& lang, const std::string& profile);

  private:
    Reading tesseract(const std::string& image, const std::string& lang,
                      const std::string& thresholding);

    const std::map<std::string, Profile>& profiles_;
    std::map<std::string, std::unique_ptr<TesseractRecognizer>> tesseract_;
    std::map<std::string, std::unique_ptr<ScanfixPipeline>> scanfix_;
};

}  // namespace scanfix::bench
