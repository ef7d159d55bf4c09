// A multi-page file is one document with -o as without it: a word typed across the page break
// is cleaned with both pages in view, and each page's own text file holds it whole on the page
// where it starts. The pages are generated Russian typescript (rus and hunspell-ru needed).
#include <catch2/catch.hpp>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <sstream>

#include "page_generator.hpp"
#include "scanfix/ocr/recognizer.hpp"
#include "test_paths.hpp"

namespace fs = std::filesystem;
using scanfix::test::run_command;
using scanfix::test::slurp;

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Two clean pages of the seed text whose first page ends in a word hyphenated across the
// break: page heights are tried until the layout puts a split word there.
std::vector<scanfix::samples::GeneratedPage> pages_split_at_break() {
    std::vector<std::string> paragraphs;
    std::istringstream in(slurp(scanfix::test::source_dir() + "/tests/data/seed.gt.txt"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) paragraphs.push_back(line);
    scanfix::samples::PageSettings s;
    s.noise = scanfix::samples::NoiseSettings::preset(scanfix::samples::NoiseLevel::None);
    for (double h = 80; h < 160; h += 2.5) {
        s.height_mm = h;
        auto pages = scanfix::samples::generate_document(paragraphs, s);
        if (pages.size() < 2) continue;
        const std::string& first = pages[0].lines_text;
        const size_t end = first.find_last_not_of('\n');
        if (end != std::string::npos && first[end] == '-' && first[end - 1] != ' ')
            return {pages[0], pages[1]};
    }
    return {};
}

}  // namespace

TEST_CASE("a word hyphenated across a page break is whole with -o as without it") {
    if (!scanfix::missing_language("rus").empty() || !fs::exists("/usr/share/hunspell/ru_RU.dic")) {
        WARN("skipped: Tesseract rus or hunspell-ru is not installed");
        return;
    }
    auto pages = pages_split_at_break();
    REQUIRE(pages.size() == 2);
    const fs::path dir = scanfix::test::temp_dir("split-word");
    const std::string tif = (dir / "letter.tif").string();
    REQUIRE(cv::imwritemulti(tif, std::vector<cv::Mat>{pages[0].image, pages[1].image}));
    const std::string bin = scanfix::test::binary_dir() + "/tools/scanfix/scanfix";

    std::string joined;
    REQUIRE(run_command(bin + " run " + tif, &joined) == 0);
    REQUIRE(run_command(bin + " run -o " + (dir / "out").string() + " " + tif) == 0);
    const std::string first = slurp((dir / "out/letter-p0001.txt").string());
    const std::string second = slurp((dir / "out/letter-p0002.txt").string());
    REQUIRE_FALSE(first.empty());

    // The word the generator split, as the references give it.
    const std::vector<std::string> head = words_of(pages[0].lines_text);
    const std::vector<std::string> tail = words_of(pages[1].lines_text);
    const std::string split = head.back().substr(0, head.back().size() - 1) + tail.front();
    INFO("split word: " << split << "\n-o page 1 ends: " << words_of(first).back());
    // Read as one document, the word is rejoined; each page's file keeps the same words.
    CHECK(joined.find(split) != std::string::npos);
    CHECK(words_of(first + " " + second) == words_of(joined));
    fs::remove_all(dir);
}
