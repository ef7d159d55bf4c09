// Evaluating many pages at once: pairing reference and hypothesis files by stem
// (page-01.gt.txt <-> page-01.txt), evaluating each pair and summing up. The reports
// (report_text.hpp, report_json.hpp, report_html.hpp) render an EvalReport.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/eval/attribution.hpp"
#include "scanfix/eval/confusions.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"

namespace scanfix::eval {

struct FilePair {
    std::string name;  // the common stem
    std::string reference, hypothesis;
};

struct Pairing {
    std::vector<FilePair> pairs;                  // sorted by name
    std::vector<std::string> missing_hypotheses;  // reference files with no hypothesis
    std::vector<std::string> missing_references;  // hypothesis files with no reference
};

// The page name of a file: its name without folder and without trailing known extensions
// and tags (.txt .xml .html .htm .hocr .alto .page .gt .ref .ocr .hyp), so that
// "page-01.gt.txt", "page-01.txt" and "page-01.xml" all give "page-01".
std::string page_stem(const std::string& path);

// Two files make one pair; two folders are paired by page_stem over their files with a text,
// XML or HTML extension. Throws InputError for a missing path, a file against a folder, or two
// files of one folder with the same stem.
Pairing pair_files(const std::string& reference, const std::string& hypothesis);

struct EvalSettings {
    NormalizeOptions normalize;
    AlignOptions align;
    bool keep_comparisons = false;  // keep alignments for the HTML report
};

struct PageResult {
    FilePair files;
    TextFormat reference_format = TextFormat::Plain, hypothesis_format = TextFormat::Plain;
    EvalResult result;
    bool has_attribution = false;  // the hypothesis carried ⟦removed⟧ marks
    ErrorAttribution attribution;
    std::shared_ptr<const Comparison> comparison;  // only with keep_comparisons
};

struct PageFailure {
    FilePair files;
    std::string message;
};

struct EvalReport {
    std::vector<std::string> normalizations;  // applied, in order
    std::vector<PageResult> pages;
    std::vector<PageFailure> failures;  // pages that could not be read
    std::vector<std::string> missing_hypotheses, missing_references;
    EditCounts characters, words;  // totals over all pages
    bool exact = true;
    bool has_attribution = false;
    ErrorAttribution attribution;  // totals over pages with marks
    ErrorAnalysis analysis;

    double cer() const { return characters.rate(); }
    double wer() const { return words.rate(); }
};

// Evaluates every pair. A page that cannot be read (InputError) is recorded in `failures` and
// the others go on. A hypothesis with ⟦removed⟧ marks is scored on its kept text, and its
// errors are attributed to recognition or cleanup (attribution.hpp).
EvalReport evaluate_files(const Pairing& pairing, const EvalSettings& settings);

// Adds one page (already loaded texts) to a report; used by evaluate_files and by callers that
// have the texts in memory.
void add_page(EvalReport& report, const FilePair& files, const LoadedText& reference,
              const LoadedText& hypothesis, const EvalSettings& settings);

}  // namespace scanfix::eval
