// scanfix run on the committed synthetic samples: over all samples its CER must be at most half
// of plain Tesseract's (same engine through the same API, no preprocessing, no cleanup) and low
// in absolute terms, and no page may be read worse than plain Tesseract reads it. The samples carry
// stamps, margin columns, page and registration numbers.
#include <catch2/catch.hpp>
#include <filesystem>

#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "test_languages.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using namespace scanfix;

namespace {

std::string scanfix_binary() {
    return test::binary_dir() + "/tools/scanfix/scanfix";
}

std::vector<fs::path> sample_images() {
    std::vector<fs::path> out;
    fs::path dir = fs::path(test::source_dir()) / "samples";
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir)) {
        auto ext = e.path().extension();
        fs::path gt = e.path().parent_path() / (e.path().stem().string() + ".gt.txt");
        if ((ext == ".jpg" || ext == ".png") && fs::exists(gt)) out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

eval::EditCounts plain_tesseract(const fs::path& image, const std::string& reference) {
    OcrParams p;
    p.lang = "rus";
    p.input = "original";
    TesseractRecognizer rec(p);
    Document doc = load_pages(image.string());
    for (Page& page : doc) rec.recognize(page);
    return eval::evaluate(reference, render_text(doc, Layout::Diplomatic)).characters;
}

}  // namespace

TEST_CASE("scanfix run halves plain Tesseract's CER on the samples", "[e2e]") {
    REQUIRE_TESSERACT_LANGUAGE("rus");
    auto images = sample_images();
    REQUIRE(images.size() >= 3);
    eval::EditCounts scanfix_total, plain_total;
    for (const fs::path& image : images) {
        std::string reference = eval::load_reference(
            (image.parent_path() / (image.stem().string() + ".gt.txt")).string());
        std::string out, err;
        int rc = test::run_command(scanfix_binary() + " run '" + image.string() + "'", &out, &err);
        INFO(image.filename().string() << ": " << err);
        REQUIRE(rc == 0);
        CHECK(err.empty());
        auto ours = eval::evaluate(reference, out);
        eval::EditCounts plain = plain_tesseract(image, reference);
        INFO("scanfix CER " << ours.cer() << ", plain Tesseract CER " << plain.rate());
        CHECK(ours.cer() < plain.rate());
        scanfix_total += ours.characters;
        plain_total += plain;
    }
    INFO("total: scanfix " << scanfix_total.rate() << ", plain Tesseract " << plain_total.rate());
    CHECK(scanfix_total.rate() <= 0.5 * plain_total.rate());
    CHECK(scanfix_total.rate() < 0.04);
}
