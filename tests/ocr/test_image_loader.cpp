// Image loading: formats, multi-page TIFF, bit depths, and clear errors for bad files.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "test_paths.hpp"
#include "test_png_bytes.hpp"

using namespace scanfix;
using scanfix::test::be32;
using scanfix::test::crc32;

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
    CHECK(reason_for(dir + "/cut.png").find("truncated") != std::string::npos);
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

namespace {
void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

// An uncompressed little-endian CMYK TIFF (PhotometricInterpretation 5) of one colour, as
// print-oriented scanning software writes them.
std::string cmyk_tiff(int w, int h, const uchar cmyk[4]) {
    std::string b = std::string("II*\0", 4);
    auto u16 = [&](uint32_t v) { b += char(v & 0xFF), b += char(v >> 8); };
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) b += char((v >> (8 * i)) & 0xFF);
    };
    const uint32_t n = 9, bits_at = 8 + 2 + n * 12 + 4, data_at = bits_at + 8;
    u32(8);
    u16(n);
    auto entry = [&](uint32_t tag, uint32_t type, uint32_t count, uint32_t value) {
        u16(tag), u16(type), u32(count), u32(value);
    };
    entry(256, 3, 1, uint32_t(w));
    entry(257, 3, 1, uint32_t(h));
    entry(258, 3, 4, bits_at);
    entry(259, 3, 1, 1);
    entry(262, 3, 1, 5);
    entry(273, 4, 1, data_at);
    entry(277, 3, 1, 4);
    entry(278, 3, 1, uint32_t(h));
    entry(279, 4, 1, uint32_t(w * h * 4));
    u32(0);
    for (int i = 0; i < 4; ++i) u16(8);
    for (int i = 0; i < w * h; ++i) b.append(reinterpret_cast<const char*>(cmyk), 4);
    return b;
}

// A grey-and-alpha PNG (colour type 4) of one value; OpenCV cannot write these, scanners
// and image editors do. The pixels are stored uncompressed (deflate "stored" block).
std::string grey_alpha_png(int w, int h, uchar grey, uchar alpha) {
    std::string raw;
    for (int y = 0; y < h; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < w; ++x) raw += char(grey), raw += char(alpha);
    }
    uint32_t a = 1, b = 0;
    for (unsigned char c : raw) a = (a + c) % 65521, b = (b + a) % 65521;
    uint16_t len = uint16_t(raw.size());
    std::string z = std::string("\x78\x01\x01", 3) + char(len & 0xFF) + char(len >> 8) +
                    char(~len & 0xFF) + char((~len >> 8) & 0xFF) + raw + be32((b << 16) | a);
    auto chunk = [](const std::string& type, const std::string& data) {
        return be32(uint32_t(data.size())) + type + data + be32(crc32(type + data));
    };
    std::string ihdr = be32(uint32_t(w)) + be32(uint32_t(h)) + std::string("\x08\x04\0\0\0", 5);
    return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", z) +
           chunk("IEND", "");
}
}  // namespace

TEST_CASE("a CMYK TIFF becomes BGR of the same colour") {
    std::string dir = test::temp_dir("cmyk");
    const uchar yellowish_paper[4] = {0, 0, 40, 10};  // C, M, Y, K
    write_bytes(dir + "/cmyk.tif", cmyk_tiff(16, 12, yellowish_paper));
    auto pages = load_pages(dir + "/cmyk.tif");
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].image.type() == CV_8UC3);
    cv::Vec3b px = pages[0].image.at<cv::Vec3b>(3, 3);
    // R = G = 255 * (1 - K) ~ 245, B = 255 * (1 - Y) * (1 - K) ~ 206.
    CHECK(std::abs(px[2] - 245) <= 2);
    CHECK(std::abs(px[1] - 245) <= 2);
    CHECK(std::abs(px[0] - 206) <= 2);
    std::filesystem::remove_all(dir);
}

TEST_CASE("transparent parts of a PNG lie on white paper, not on black") {
    std::string dir = test::temp_dir("alpha");
    cv::Mat bgra(20, 20, CV_8UC4, cv::Scalar(0, 0, 0, 0));  // transparent black
    bgra(cv::Rect(5, 5, 4, 4)).setTo(cv::Scalar(10, 10, 10, 255));
    cv::imwrite(dir + "/a.png", bgra);
    write_bytes(dir + "/ga.png", grey_alpha_png(20, 20, 0, 0));  // transparent black
    cv::Mat page = load_pages(dir + "/a.png")[0].image;
    CHECK(page.at<cv::Vec3b>(0, 0) == cv::Vec3b(255, 255, 255));
    CHECK(page.at<cv::Vec3b>(6, 6) == cv::Vec3b(10, 10, 10));
    cv::Mat ga = load_pages(dir + "/ga.png")[0].image;
    CHECK(ga.channels() <= 3);
    CHECK(cv::mean(ga)[0] == Approx(255));
    std::filesystem::remove_all(dir);
}

TEST_CASE("float TIFF samples in [0, 1] map to 0..255") {
    std::string dir = test::temp_dir("float");
    cv::Mat f(10, 10, CV_32FC1, cv::Scalar(0.5));
    f.at<float>(0, 0) = 1.0f;
    REQUIRE(cv::imwrite(dir + "/f.tif", f));
    cv::Mat page = load_pages(dir + "/f.tif")[0].image;
    REQUIRE(page.type() == CV_8UC1);
    CHECK(std::abs(page.at<uchar>(5, 5) - 128) <= 1);
    CHECK(page.at<uchar>(0, 0) == 255);
    std::filesystem::remove_all(dir);
}

TEST_CASE("truncated and oversized files are refused from their headers") {
    std::string dir = test::temp_dir("headers");
    cv::Mat m(120, 160, CV_8UC1);
    cv::randu(m, 0, 255);
    for (const char* ext : {".jpg", ".tif", ".png"}) {
        std::vector<uchar> buf;
        REQUIRE(cv::imencode(ext, m, buf));
        std::string path = dir + "/cut" + ext;
        write_bytes(path, std::string(buf.begin(), buf.begin() + long(buf.size() * 2 / 3)));
        INFO(ext);
        CHECK(reason_for(path).find("truncated") != std::string::npos);
        write_bytes(path, std::string(buf.begin(), buf.end()));
        LoadOptions tiny;
        tiny.max_pixels = 160 * 120 - 1;
        try {
            load_pages(path, tiny);
            FAIL("not refused");
        } catch (const InputError& e) {
            CHECK(e.reason().find("160x120 pixels") != std::string::npos);
        }
        CHECK(load_pages(path).size() == 1);
    }
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

namespace {
// An EXIF block (big-endian TIFF structure) holding only the Orientation tag.
std::string exif_orientation_block(int orientation) {
    std::string tiff = std::string("MM\0*", 4) + be32(8);
    tiff += std::string("\x00\x01\x01\x12\x00\x03", 6) + be32(1);  // 1 entry: 0x0112, SHORT, 1
    tiff += std::string{char(0), char(orientation), 0, 0} + be32(0);
    return tiff;
}

// `png` with an eXIf chunk after its IHDR (which ends at byte 33).
std::string png_with_exif(const std::string& png, int orientation) {
    const std::string data = exif_orientation_block(orientation);
    return png.substr(0, 33) + be32(uint32_t(data.size())) + "eXIf" + data +
           be32(crc32("eXIf" + data)) + png.substr(33);
}

// `jpeg` with an APP1 Exif segment after its SOI marker.
std::string jpeg_with_exif(const std::string& jpeg, int orientation) {
    const std::string data = std::string("Exif\0\0", 6) + exif_orientation_block(orientation);
    const size_t len = data.size() + 2;
    return jpeg.substr(0, 2) + "\xFF\xE1" + char(len >> 8) + char(len & 0xFF) + data +
           jpeg.substr(2);
}
}  // namespace

TEST_CASE("a PNG's eXIf orientation turns the page as a JPEG's EXIF orientation does") {
    std::string dir = test::temp_dir("loader-exif");
    // 40 x 20 pixels, white, with a black block at the top left.
    cv::Mat page(20, 40, CV_8UC1, cv::Scalar(255));
    page(cv::Rect(0, 0, 10, 5)).setTo(0);
    std::vector<uchar> png, jpg;
    REQUIRE(cv::imencode(".png", page, png));
    REQUIRE(cv::imencode(".jpg", page, jpg, {cv::IMWRITE_JPEG_QUALITY, 100}));
    auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
        return dir + "/" + name;
    };
    const std::string png_bytes(png.begin(), png.end()), jpg_bytes(jpg.begin(), jpg.end());
    for (int orientation : {6, 8, 3}) {
        INFO("orientation " << orientation);
        cv::Mat from_png =
            load_pages(write("p.png", png_with_exif(png_bytes, orientation)))[0].image;
        cv::Mat from_jpg =
            load_pages(write("j.jpg", jpeg_with_exif(jpg_bytes, orientation)))[0].image;
        REQUIRE(from_png.size() == from_jpg.size());
        CHECK(from_png.size() == (orientation == 3 ? cv::Size(40, 20) : cv::Size(20, 40)));
        // The black block is where the JPEG puts it: top right after turning clockwise (6),
        // bottom left after turning counter-clockwise (8), bottom right upside down (3).
        cv::Point block = orientation == 6   ? cv::Point(17, 3)
                          : orientation == 8 ? cv::Point(2, 36)
                                             : cv::Point(36, 17);
        CHECK(from_png.at<uchar>(block) == 0);
        CHECK(from_jpg.at<uchar>(block) < 60);
        CHECK(from_png.at<uchar>(0, 0) == 255);
        cv::Mat diff;
        cv::absdiff(from_png, from_jpg, diff);
        CHECK(cv::countNonZero(diff > 60) == 0);
    }
    // Without the chunk the page stays as stored.
    CHECK(load_pages(write("plain.png", png_bytes))[0].image.size() == cv::Size(40, 20));
    std::filesystem::remove_all(dir);
}
