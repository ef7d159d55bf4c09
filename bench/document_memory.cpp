// Memory of one long document: `scanfix run doc.pdf` (no -o: every page joined into one text)
// on PDFs of 10 and of N A4 pages at 300 dpi, each a few typed-looking lines on white, and the
// peak resident memory of each run. A document keeps only its pages' words once they are read,
// so the peak should not grow with the page count. docs/benchmarks.md keeps a table.
#include <fmt/core.h>
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "child_process.hpp"
#include "test_pdf.hpp"

namespace fs = std::filesystem;

namespace {

// An A4 page at 300 dpi with a short paragraph of Hershey type, like the last page of a letter.
cv::Mat short_page(int number) {
    cv::Mat page(3508, 2480, CV_8UC1, cv::Scalar(250));
    for (int i = 0; i < 6; ++i)
        cv::putText(page, fmt::format("Page {} line {} of the report to the ministry", number, i),
                    {300, 400 + 90 * i}, cv::FONT_HERSHEY_SIMPLEX, 1.6, cv::Scalar(20), 3,
                    cv::LINE_AA);
    return page;
}

std::string write_pdf(const fs::path& dir, int pages) {
    std::vector<scanfix::test::PdfPage> all;
    for (int i = 0; i < pages; ++i) all.push_back({short_page(i + 1), 300});
    const std::string path = (dir / fmt::format("doc-{}.pdf", pages)).string();
    scanfix::test::write_test_pdf(path, all);
    return path;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Peak memory of scanfix run on a long PDF against a short one"};
    int pages = 200;
    std::string scanfix = std::string(SCANFIX_BINARY_DIR) + "/tools/scanfix/scanfix";
    app.add_option("--pages", pages, "pages of the long document")->check(CLI::Range(11, 2000));
    app.add_option("--scanfix", scanfix, "the scanfix binary");
    CLI11_PARSE(app, argc, argv);

    // A folder of its own, so that runs side by side do not share their PDFs.
    std::string pattern = (fs::temp_directory_path() / "scanfix-bench-memory-XXXXXX").string();
    if (!mkdtemp(pattern.data())) {
        fmt::print(stderr, "benchmark: cannot make a folder in {}\n",
                   fs::temp_directory_path().string());
        return 1;
    }
    const fs::path work = pattern;
    fmt::print("| pages | wall s | peak MB |\n|---:|---:|---:|\n");
    double short_peak = 0, long_peak = 0;
    // Both PDFs are written first and the memory their pages took is handed back to the
    // system: a child starts as a copy of this process, and its peak would count what this
    // process still held when it forked (the 200 page images of the long PDF: 550 MB).
    const std::string short_pdf = write_pdf(work, 10), long_pdf = write_pdf(work, pages);
    malloc_trim(0);
    for (int n : {10, pages}) {
        const std::string& pdf = n == 10 ? short_pdf : long_pdf;
        scanfix::bench::Sample s =
            scanfix::bench::run_process({scanfix, "run", "--lang", "eng", pdf});
        fmt::print("| {} | {:.1f} | {:.0f} |\n", n, s.wall, s.peak_mb);
        (n == 10 ? short_peak : long_peak) = s.peak_mb;
    }
    fmt::print("\npeak of {} pages / peak of 10 pages: {:.2f}\n", pages, long_peak / short_peak);
    fs::remove_all(work);
    return 0;
}
