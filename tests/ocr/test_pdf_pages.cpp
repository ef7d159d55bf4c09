// PDFs of scans: page counts, each page rendered at its own scan's resolution, grey stays grey,
// pages without a scan fall back to the given resolution, and bad PDFs are refused clearly.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <opencv2/imgproc.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/ocr/pdf_pages.hpp"
#include "test_paths.hpp"
#include "test_pdf.hpp"

using namespace scanfix;

namespace {
// A grey page of w × h pixels with a black bar across its upper third.
cv::Mat page_with_bar(int w, int h) {
    cv::Mat m(h, w, CV_8UC1, cv::Scalar(255));
    cv::rectangle(m, {w / 10, h / 4, w * 8 / 10, h / 12}, cv::Scalar(0), cv::FILLED);
    return m;
}
}  // namespace

TEST_CASE("each PDF page is rendered at the resolution of its scan") {
    std::string dir = test::temp_dir("pdf-dpi");
    std::string pdf = dir + "/scans.pdf";
    test::write_test_pdf(pdf, {{page_with_bar(600, 750), 150},
                               {page_with_bar(1200, 1500), 300},
                               {page_with_bar(800, 1000), 200}});
    REQUIRE(count_pages(pdf) == 3);
    CHECK(pdf_page_dpi(pdf, 0, 72) == 150);
    CHECK(pdf_page_dpi(pdf, 1, 72) == 300);
    CHECK(pdf_page_dpi(pdf, 2, 72) == 200);

    Page second = load_page(pdf, 1);
    CHECK(second.index == 1);
    CHECK(second.dpi == 300);
    CHECK(std::abs(second.image.cols - 1200) <= 1);
    CHECK(std::abs(second.image.rows - 1500) <= 1);
    CHECK(second.image.type() == CV_8UC1);  // a grey scan stays grey
    // The bar is where the scan has it: dark inside, white above.
    CHECK(second.image.at<uchar>(1500 / 4 + 60, 600) < 60);
    CHECK(second.image.at<uchar>(100, 600) > 200);

    std::vector<Page> all = load_pages(pdf);
    REQUIRE(all.size() == 3);
    CHECK(std::abs(all[0].image.cols - 600) <= 1);
    CHECK(std::abs(all[2].image.cols - 800) <= 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a PDF page without a scan is rendered at the fallback resolution") {
    std::string dir = test::temp_dir("pdf-noscan");
    std::string pdf = dir + "/born-digital.pdf";
    test::PdfPage blank;
    blank.width_pt = 360;  // 5 × 6 inches
    blank.height_pt = 432;
    test::write_test_pdf(pdf, {blank});
    LoadOptions opt;
    opt.dpi = 100;
    Page p = load_page(pdf, 0, opt);
    CHECK(p.dpi == 100);
    CHECK(std::abs(p.image.cols - 500) <= 1);
    CHECK(std::abs(p.image.rows - 600) <= 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a colour scan in a PDF stays in colour") {
    std::string dir = test::temp_dir("pdf-colour");
    std::string pdf = dir + "/stamp.pdf";
    cv::Mat m(400, 300, CV_8UC3, cv::Scalar(255, 255, 255));
    cv::circle(m, {150, 200}, 80, cv::Scalar(0, 0, 220), cv::FILLED);  // a red stamp
    test::write_test_pdf(pdf, {{m, 100}});
    Page p = load_page(pdf, 0);
    REQUIRE(p.image.type() == CV_8UC3);
    cv::Vec3b centre = p.image.at<cv::Vec3b>(200, 150);
    CHECK(centre[2] > 150);  // red stays red (BGR order)
    CHECK(centre[0] < 80);
    std::filesystem::remove_all(dir);
}

TEST_CASE("bad PDFs and missing pages are refused with a reason") {
    std::string dir = test::temp_dir("pdf-bad");
    std::string pdf = dir + "/one.pdf";
    test::write_test_pdf(pdf, {{page_with_bar(300, 400), 100}});
    CHECK_THROWS_AS(load_page(pdf, 1), InputError);
    LoadOptions tiny;
    tiny.max_pixels = 1000;
    CHECK_THROWS_WITH(load_page(pdf, 0, tiny), Catch::Contains("larger than the limit"));
    std::string cut = dir + "/cut.pdf";
    std::ofstream(cut, std::ios::binary) << "%PDF-1.4\n1 0 obj\n<< /Type /Catalog";
    CHECK_THROWS_WITH(count_pages(cut), Catch::Contains("PDF"));
    std::filesystem::remove_all(dir);
}

TEST_CASE("the pages of a PDF read one by one open the document once, not once per page") {
    // Opening it per page made an N-page PDF take time growing with N².
    std::string dir = test::temp_dir("pdf-open-once");
    std::string pdf = dir + "/long.pdf";
    std::vector<test::PdfPage> pages(60, test::PdfPage{page_with_bar(100, 125), 100});
    test::write_test_pdf(pdf, pages);
    const int before = pdf_documents_opened();
    REQUIRE(count_pages(pdf) == 60);
    for (int i = 0; i < 60; ++i) CHECK(load_page(pdf, i).dpi == 100);
    CHECK(load_pages(pdf).size() == 60);
    CHECK(pdf_documents_opened() - before == 1);
    // A file written anew is opened anew.
    std::filesystem::last_write_time(
        pdf, std::filesystem::last_write_time(pdf) + std::chrono::seconds(5));
    CHECK(load_page(pdf, 0).index == 0);
    CHECK(pdf_documents_opened() - before == 2);
    std::filesystem::remove_all(dir);
}
