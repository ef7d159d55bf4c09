// Image loading: formats, multi-page TIFF, bit depths, and clear errors for bad files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {
std::string reason_for(const std::string& path) {
    try {
        load_pages(path);
    } catch (const InputError& e) {
        CHECK(e.file() == path);
        return e.reason();
    }
    return "";
}
}  // namespace

TEST_CASE("PNG, JPEG and 16-bit images load as 8-bit pages") {
    std::string dir = test::temp_dir("loader");
    cv::Mat grey(40, 60, CV_8UC1, cv::Scalar(200));
    cv::imwrite(dir + "/a.png", grey);
    cv::Mat colour(40, 60, CV_8UC3, cv::Scalar(10, 20, 30));
    cv::imwrite(dir + "/b.jpg", colour);
    cv::Mat deep(40, 60, CV_16UC1, cv::Scalar(65535));
    cv::imwrite(dir + "/c.png", deep);
    cv::Mat alpha(40, 60, CV_8UC4, cv::Scalar(1, 2, 3, 255));
    cv::imwrite(dir + "/d.png", alpha);

    auto a = load_pages(dir + "/a.png");
    REQUIRE(a.size() == 1);
    CHECK(a[0].image.type() == CV_8UC1);
    CHECK(load_pages(dir + "/b.jpg")[0].image.type() == CV_8UC3);
    auto c = load_pages(dir + "/c.png");
    CHECK(c[0].image.type() == CV_8UC1);
    CHECK(c[0].image.at<uchar>(0, 0) == 255);
    CHECK(load_pages(dir + "/d.png")[0].image.type() == CV_8UC3);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a multi-page TIFF gives one page per image") {
    std::string dir = test::temp_dir("tiff");
    std::vector<cv::Mat> pages = {cv::Mat(30, 30, CV_8UC1, cv::Scalar(255)),
                                  cv::Mat(30, 30, CV_8UC1, cv::Scalar(0)),
                                  cv::Mat(30, 30, CV_8UC1, cv::Scalar(128))};
    REQUIRE(cv::imwritemulti(dir + "/multi.tif", pages));
    auto loaded = load_pages(dir + "/multi.tif");
    REQUIRE(loaded.size() == 3);
    CHECK(loaded[1].index == 1);
    CHECK(loaded[2].image.at<uchar>(5, 5) == 128);
    std::filesystem::remove_all(dir);
}

TEST_CASE("bad image files are refused with a reason") {
    std::string dir = test::temp_dir("badimg");
    CHECK(reason_for(dir + "/missing.png") == "no such file");
    std::ofstream(dir + "/empty.png").close();
    CHECK(reason_for(dir + "/empty.png") == "empty file");
    std::ofstream(dir + "/text.png") << "this is not an image at all";
    CHECK(reason_for(dir + "/text.png").find("not a PNG") != std::string::npos);
    std::ofstream(dir + "/doc.png") << "%PDF-1.4 fake";
    CHECK(reason_for(dir + "/doc.png").find("PDF") != std::string::npos);
    cv::Mat m(200, 200, CV_8UC1, cv::Scalar(77));
    cv::randu(m, 0, 255);
    std::vector<uchar> png;
    cv::imencode(".png", m, png);
    std::ofstream(dir + "/cut.png", std::ios::binary)
        .write(reinterpret_cast<const char*>(png.data()), std::streamsize(png.size() / 3));
    CHECK(reason_for(dir + "/cut.png").find("cannot decode") != std::string::npos);
    CHECK(reason_for(dir).find("directory") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("images over the pixel limit are refused") {
    std::string dir = test::temp_dir("huge");
    cv::imwrite(dir + "/big.png", cv::Mat(100, 100, CV_8UC1, cv::Scalar(255)));
    LoadOptions small;
    small.max_pixels = 5000;
    CHECK_THROWS_AS(load_pages(dir + "/big.png", small), InputError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("count_pages and load_page read one page of a file without the others") {
    std::string dir = test::temp_dir("onepage");
    std::vector<cv::Mat> pages = {cv::Mat(30, 40, CV_8UC1, cv::Scalar(10)),
                                  cv::Mat(30, 40, CV_8UC1, cv::Scalar(20)),
                                  cv::Mat(30, 40, CV_8UC1, cv::Scalar(30))};
    REQUIRE(cv::imwritemulti(dir + "/multi.tif", pages));
    cv::imwrite(dir + "/single.png", pages[0]);
    CHECK(count_pages(dir + "/multi.tif") == 3);
    CHECK(count_pages(dir + "/single.png") == 1);
    Page third = load_page(dir + "/multi.tif", 2);
    CHECK(third.index == 2);
    CHECK(third.image.at<uchar>(3, 3) == 30);
    CHECK(load_page(dir + "/single.png", 0).image.at<uchar>(3, 3) == 10);
    CHECK_THROWS_AS(load_page(dir + "/single.png", 1), InputError);
    CHECK_THROWS_AS(count_pages(dir + "/missing.tif"), InputError);
    std::filesystem::remove_all(dir);
}
