// The bad-input table: each row is one thing archives feed scanfix (a truncated TIFF, a PDF
// renamed to .png, a cp1251 transcription, a profile with a typo, a wrong argument...) and the
// exit code and message fragment the real binary must answer with. Every row also checks that
// the answer is one stderr line (for errors), that the binary did not crash or hang, and that
// no input file was changed.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <thread>

#include "test_paths.hpp"
#include "test_pdf.hpp"
#include "test_png_bytes.hpp"
#include "test_skip.hpp"

namespace fs = std::filesystem;

// AddressSanitizer reserves terabytes of address space: a row limiting it cannot run there.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif
using scanfix::test::run_command;
using scanfix::test::slurp;

namespace {

std::string scanfix_bin() {
    return scanfix::test::binary_dir() + "/tools/scanfix/scanfix";
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

std::string encode(const std::string& ext, const cv::Mat& m, const std::vector<int>& params = {}) {
    std::vector<uchar> buf;
    REQUIRE(cv::imencode(ext, m, buf, params));
    return std::string(buf.begin(), buf.end());
}

cv::Mat noise_page(int w, int h) {
    cv::Mat m(h, w, CV_8UC1);
    cv::randu(m, 0, 255);
    return m;
}

// A small valid PNG whose header claims another size (CRC fixed, so only the size is wrong):
// the shape of a decompression bomb without the gigabytes.
std::string png_claiming(uint32_t w, uint32_t h) {
    std::string png = encode(".png", noise_page(8, 8));
    png.replace(16, 4, scanfix::test::be32(w));
    png.replace(20, 4, scanfix::test::be32(h));
    png.replace(29, 4, scanfix::test::be32(scanfix::test::crc32(png.substr(12, 17))));
    return png;
}

// A little-endian TIFF of one page whose directory says `w` x `h`.
std::string tiff_claiming(uint32_t w, uint32_t h) {
    std::string b = "II*";
    b += '\0';
    auto u16 = [&](uint32_t v) { b += char(v & 0xFF), b += char((v >> 8) & 0xFF); };
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) b += char((v >> (8 * i)) & 0xFF);
    };
    auto entry = [&](uint32_t tag, uint32_t type, uint32_t count, uint32_t value) {
        u16(tag), u16(type), u32(count), u32(value);
    };
    u32(8);
    u16(6);
    entry(256, 4, 1, w);
    entry(257, 4, 1, h);
    entry(258, 3, 1, 8);
    entry(262, 3, 1, 1);
    entry(273, 4, 1, 8 + 2 + 6 * 12 + 4);
    entry(279, 4, 1, 16);
    u32(0);
    b += std::string(16, '\x80');
    return b;
}

std::string cut(const std::string& bytes, double fraction) {
    return bytes.substr(0, size_t(double(bytes.size()) * fraction));
}

struct Row {
    const char* what;
    std::function<void(const std::string& dir)> make;  // writes the inputs into dir
    // "{dir}" stands for the folder; with "{bin}" the row is a shell command placing the binary
    // itself (redirections, pipes), else the arguments follow the binary.
    std::string args;
    int exit_code;
    std::string fragment;  // in stderr for an error, in stdout for exit code 0
    std::function<void(const std::string& dir)> check = {};  // further checks after the run
};

std::string expand(std::string s, const std::string& dir) {
    for (size_t at; (at = s.find("{dir}")) != std::string::npos;) s.replace(at, 5, dir);
    for (size_t at; (at = s.find("{bin}")) != std::string::npos;) s.replace(at, 5, scanfix_bin());
    return s;
}

// Every input file of a row's folder; out/ holds what the row lets scanfix write (and scratch
// files too large to compare), so it is left out, and links are not followed.
std::map<std::string, std::string> snapshot(const std::string& dir) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator();
         ++it) {
        if (it->path() == fs::path(dir) / "out") {
            it.disable_recursion_pending();
            continue;
        }
        // A link is no file of its own (its target, when an input, is listed itself).
        if (!it->is_symlink() && it->is_regular_file())
            files[it->path().string()] = slurp(it->path().string());
    }
    return files;
}

// A row that cannot run here says why in <dir>/.skip (e.g. device nodes need root).
void skip_row(const std::string& dir, const std::string& why) {
    write_bytes(dir + "/.skip", why);
}

// A character device node made inside the row's folder: 1,3 is a null device, 1,7 a full one
// (every write fails with "No space left on device"). The system's own nodes are never used.
void device(const std::string& dir, const std::string& name, int minor) {
    std::string path = dir + "/" + name;
    if (::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor)) != 0) {
        skip_row(dir, "cannot make a device node (needs root): " + std::string(strerror(errno)));
        return;
    }
    // A file system mounted nodev refuses to open it.
    int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0)
        skip_row(dir, "device nodes cannot be opened here: " + std::string(strerror(errno)));
    else
        ::close(fd);
}

// A folder even root cannot write into (the immutable attribute; a folder of mode 0555 is
// writable for root, and CI runs as root). unlock_folder() lets the row's folder be removed.
void locked_folder(const std::string& dir, const std::string& name) {
    fs::create_directories(dir + "/" + name);
    if (std::system(("chattr +i '" + dir + "/" + name + "' 2>/dev/null").c_str()) != 0)
        skip_row(dir, "chattr +i is not available here (needs root and ext4, xfs or btrfs)");
}

void unlock_folder(const std::string& dir, const std::string& name) {
    CHECK(std::system(("chattr -i '" + dir + "/" + name + "'").c_str()) == 0);
}

// A row's inputs with a full device named "full" beside them.
std::function<void(const std::string&)> with_full_device(
    std::function<void(const std::string&)> make) {
    return [make](const std::string& d) {
        device(d, "full", 7);
        make(d);
    };
}

bool is_device(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

// A FIFO made in the row's folder, with a reader thread in the test that keeps what it reads.
struct FifoReader {
    std::thread thread;
    std::string data;
};
std::map<std::string, std::unique_ptr<FifoReader>>& fifo_readers() {
    static std::map<std::string, std::unique_ptr<FifoReader>> readers;
    return readers;
}

void fifo_with_reader(const std::string& dir, const std::string& name) {
    const std::string path = dir + "/" + name;
    REQUIRE(::mkfifo(path.c_str(), 0644) == 0);
    auto reader = std::make_unique<FifoReader>();
    FifoReader* r = reader.get();
    r->thread = std::thread([r, path] {
        int fd = ::open(path.c_str(), O_RDONLY);  // waits for a writer
        if (fd < 0) return;
        char buf[4096];
        for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) r->data.append(buf, size_t(n));
        ::close(fd);
    });
    fifo_readers()[path] = std::move(reader);
}

// What the reader got; checks the FIFO is still a FIFO. When scanfix never opened it, a writer
// opened and closed here lets the reader finish.
std::string fifo_read(const std::string& dir, const std::string& name) {
    const std::string path = dir + "/" + name;
    int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    auto& reader = fifo_readers().at(path);
    reader->thread.join();
    std::string data = reader->data;
    fifo_readers().erase(path);
    struct stat st;
    CHECK((::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode)));
    return data;
}

void page_png(const std::string& path, int w = 64, int h = 64) {
    write_bytes(path, encode(".png", noise_page(w, h)));
}

// A page with two typed lines, for rows that need text in the output.
void text_page_png(const std::string& path) {
    cv::Mat page(220, 900, CV_8UC1, cv::Scalar(255));
    cv::putText(page, "Telegram to the archive", {40, 80}, cv::FONT_HERSHEY_SIMPLEX, 1.4,
                cv::Scalar(0), 3);
    cv::putText(page, "copy of the report", {40, 160}, cv::FONT_HERSHEY_SIMPLEX, 1.4, cv::Scalar(0),
                3);
    write_bytes(path, encode(".png", page));
}

// A little-endian TIFF of `pages` 8-bit grey pages of 32x32 pixels; page `broken` (1-based, 0
// for none) has its image data placed past the end of the file; with `loop` the list of pages
// leads from the last page back to the first.
std::string tiff_pages(int pages, int broken, bool loop = false) {
    const uint32_t w = 32, h = 32, entries = 8, ifd_size = 2 + entries * 12 + 4;
    std::string b = "II*";
    b += '\0';
    auto u16 = [&](uint32_t v) { b += char(v & 0xFF), b += char((v >> 8) & 0xFF); };
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) b += char((v >> (8 * i)) & 0xFF);
    };
    auto entry = [&](uint32_t tag, uint32_t type, uint32_t value) {
        u16(tag), u16(type), u32(1), type == 3 ? (u16(value), u16(0)) : u32(value);
    };
    u32(8);
    const uint32_t data_start = 8 + uint32_t(pages) * ifd_size;
    for (int p = 0; p < pages; ++p) {
        u16(entries);
        entry(256, 4, w);
        entry(257, 4, h);
        entry(258, 3, 8);
        entry(259, 3, 1);
        entry(262, 3, 1);
        entry(273, 4, p + 1 == broken ? 1u << 30 : data_start + uint32_t(p) * w * h);
        entry(278, 4, h);
        entry(279, 4, w * h);
        u32(p + 1 < pages ? 8 + uint32_t(p + 1) * ifd_size : loop ? 8 : 0);
    }
    for (int p = 0; p < pages; ++p) b += std::string(w * h, char(0x40 * (p + 1)));
    return b;
}

// A PNG chunk (length, type, data, checksum).
std::string png_chunk(const std::string& type, const std::string& data) {
    return scanfix::test::be32(uint32_t(data.size())) + type + data +
           scanfix::test::be32(scanfix::test::crc32(type + data));
}

// `png` with a chunk inserted after its IHDR (which ends at byte 33).
std::string png_with_chunk(const std::string& png, const std::string& type,
                           const std::string& data) {
    return png.substr(0, 33) + png_chunk(type, data) + png.substr(33);
}

// A grey 8-bit PNG of w x h pixels whose image data (zlib stream) is `z`, so that rows can
// hand libpng what it complains about.
std::string png_with_data(uint32_t w, uint32_t h, const std::string& z) {
    using scanfix::test::be32;
    return std::string("\x89PNG\r\n\x1a\n", 8) +
           png_chunk("IHDR", be32(w) + be32(h) + std::string("\x08\x00\x00\x00\x00", 5)) +
           png_chunk("IDAT", z) + png_chunk("IEND", "");
}

// The zlib stream of a white grey page's rows (filter byte 0 on each), `rows` of them,
// compressed a row at a time: a page of 17 000 x 17 000 pixels takes kilobytes here.
std::string white_rows_deflated(uint32_t w, uint32_t rows) {
    z_stream z{};
    REQUIRE(deflateInit(&z, 6) == Z_OK);
    std::string row = '\0' + std::string(w, '\xFF'), out;
    char buf[1 << 14];
    for (uint32_t y = 0; y <= rows; ++y) {
        const bool last = y == rows;
        z.next_in = reinterpret_cast<Bytef*>(last ? nullptr : row.data());
        z.avail_in = last ? 0 : uInt(row.size());
        do {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

// A one-page little-endian TIFF with the given BitsPerSample, SamplesPerPixel and
// SampleFormat, as one strip of 16x16 pixels; or, with `tiles_listed` > 0, a 64x64 8-bit page
// of 16x16 tiles (it needs 16) whose tile tables list only `tiles_listed`.
std::string tiff_odd(uint32_t bits, uint32_t samples, uint32_t format = 1,
                     uint32_t tiles_listed = 0) {
    const bool tiled = tiles_listed > 0;
    const uint32_t side = tiled ? 64 : 16,
                   block = tiled ? 16 * 16 : (side * side * samples * bits + 7) / 8;
    std::vector<std::array<uint32_t, 4>> entries = {
        {256, 4, 1, side}, {257, 4, 1, side},    {258, 3, 1, bits},  {259, 3, 1, 1},
        {262, 3, 1, 1},    {277, 3, 1, samples}, {339, 3, 1, format}};
    if (tiled)
        for (uint32_t tag : {322u, 323u, 324u, 325u})
            entries.push_back({tag, 4, tag < 324 ? 1 : tiles_listed, 0});
    else
        for (uint32_t tag : {273u, 278u, 279u}) entries.push_back({tag, 4, 1, 0});
    std::sort(entries.begin(), entries.end());
    std::string b = std::string("II*\0", 4);
    auto u16 = [&](uint32_t v) { b += char(v & 0xFF), b += char((v >> 8) & 0xFF); };
    auto u32 = [&](uint32_t v) {
        for (int i = 0; i < 4; ++i) b += char((v >> (8 * i)) & 0xFF);
    };
    const uint32_t tables = 8 + 2 + uint32_t(entries.size()) * 12 + 4;
    const uint32_t data = tables + (tiled && tiles_listed > 1 ? 8 * tiles_listed : 0);
    u32(8);
    u16(uint32_t(entries.size()));
    for (auto [tag, type, count, value] : entries) {
        if (tag == 322 || tag == 323) value = 16;
        if (tag == 273 || (tag == 324 && count == 1)) value = data;
        if (tag == 279 || (tag == 325 && count == 1)) value = block;
        if (tag == 278) value = side;
        if (count > 1) value = tables + (tag == 325 ? 4 * count : 0);
        u16(tag), u16(type), u32(count), type == 3 ? (u16(value), u16(0)) : u32(value);
    }
    u32(0);
    if (tiled && tiles_listed > 1) {
        for (uint32_t i = 0; i < tiles_listed; ++i) u32(data + i * block);
        for (uint32_t i = 0; i < tiles_listed; ++i) u32(block);
    }
    b += std::string(size_t(block) * (tiled ? tiles_listed : 1), '\x80');
    return b;
}

const char* kProfileHead = "extends: default\n";

void text(const std::string& path, const std::string& content) {
    write_bytes(path, content);
}

// A profile `name` (after "extends: default") given to `subcommand`, which must refuse it
// (exit 4) with `fragment`; the profile is also the input, as any file will do there.
Row profile_row(const char* what, const std::string& name, const std::string& yaml,
                const std::string& subcommand, const std::string& fragment) {
    return {what, [=](const std::string& d) { text(d + "/" + name, kProfileHead + yaml); },
            subcommand + " --profile {dir}/" + name + " {dir}/" + name, 4, fragment};
}

std::vector<Row> rows() {
    const std::string page_args = "run --lang eng ";
    return {
        // ---- images
        {"missing image", [](auto&) {}, page_args + "{dir}/none.png", 3, "no such file"},
        {"0-byte image", [](auto& d) { text(d + "/empty.png", ""); }, page_args + "{dir}/empty.png",
         3, "empty file"},
        {"text renamed to .png", [](auto& d) { text(d + "/t.png", "just some words\n"); },
         page_args + "{dir}/t.png", 3, "unrecognised file signature"},
        {"broken PDF renamed to .png",
         [](auto& d) { text(d + "/scan.png", "%PDF-1.5\n%\xE2\xE3\n1 0 obj\n"); },
         page_args + "{dir}/scan.png", 3, "scan.png: cannot read PDF"},
        {"truncated PNG",
         [](auto& d) {
             write_bytes(d + "/cut.png", cut(encode(".png", noise_page(300, 200)), 0.5));
         },
         page_args + "{dir}/cut.png", 3, "truncated"},
        {"truncated JPEG",
         [](auto& d) {
             write_bytes(d + "/cut.jpg", cut(encode(".jpg", noise_page(300, 200)), 0.5));
         },
         page_args + "{dir}/cut.jpg", 3, "truncated"},
        {"PNG with a damaged byte",
         [](auto& d) {
             std::string png = encode(".png", noise_page(300, 200));
             png[png.size() / 2] = char(png[png.size() / 2] ^ 0x5A);
             write_bytes(d + "/flipped.png", png);
         },
         page_args + "{dir}/flipped.png", 3, "chunk fails its checksum"},
        {"JPEG whose data is damaged inside",
         [](auto& d) {
             std::string jpg = encode(".jpg", noise_page(300, 200));
             for (size_t i = jpg.size() / 2; i < jpg.size() / 2 + 2000 && i + 2 < jpg.size();
                  i += 97)
                 jpg[i] = '\0';
             write_bytes(d + "/damaged.jpg", jpg);
         },
         page_args + "{dir}/damaged.jpg", 3, "damaged JPEG data"},
        {"truncated TIFF",
         [](auto& d) {
             write_bytes(
                 d + "/cut.tif",
                 cut(encode(".tif", noise_page(300, 200), {cv::IMWRITE_TIFF_COMPRESSION, 1}), 0.5));
         },
         page_args + "{dir}/cut.tif", 3, "truncated"},
        {"an empty folder given as an image",
         [](auto& d) { fs::create_directories(d + "/scans.png"); }, page_args + "{dir}/scans.png",
         3, "scans.png: no PNG, JPEG"},
        {"a device given as an image", [](auto&) {}, page_args + "/dev/zero", 3,
         "not a regular file"},
        {"PNG claiming 30000x30000 pixels",
         [](auto& d) { write_bytes(d + "/bomb.png", png_claiming(30000, 30000)); },
         page_args + "{dir}/bomb.png", 3, "larger than the limit of 300.0"},
        {"TIFF claiming 100000x100000 pixels",
         [](auto& d) { write_bytes(d + "/bomb.tif", tiff_claiming(100000, 100000)); },
         page_args + "{dir}/bomb.tif", 3, "larger than the limit"},
        {"page larger than a lowered --max-megapixels",
         [](auto& d) {
             write_bytes(d + "/wide.png",
                         encode(".png", cv::Mat(1000, 2000, CV_8UC1, cv::Scalar(255))));
         },
         page_args + "--max-megapixels 1 {dir}/wide.png", 3, "2000x1000 pixels"},
        {"PNG with a width of 0",
         [](auto& d) { write_bytes(d + "/zero.png", png_claiming(0, 10)); },
         page_args + "{dir}/zero.png", 3, "width or height of 0"},
        {"TIFF whose page list loops",
         [](auto& d) { write_bytes(d + "/loop.tif", tiff_pages(2, 0, true)); },
         page_args + "{dir}/loop.tif", 3, "loops back"},
        {"JPEG with garbage after its signature",
         [](auto& d) {
             write_bytes(d + "/junk.jpg",
                         std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10) + std::string(64, 'x'));
         },
         page_args + "{dir}/junk.jpg", 3, "{dir}/junk.jpg"},
        // ---- transcriptions
        {"cp1251 transcription read as UTF-8",
         [](auto& d) { text(d + "/cp.txt", "line one\n\xd2\xe5\xea\xf1\xf2 \xe2 cp1251\n"); },
         "clean {dir}/cp.txt", 3, "not valid UTF-8 (line 2); give --encoding"},
        {"cp1251 transcription with --encoding cp1251",
         [](auto& d) { text(d + "/cp.txt", "\xd2\xe5\xea\xf1\xf2 \xe2 cp1251\n"); },
         "clean --encoding cp1251 {dir}/cp.txt", 0, "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82"},
        {"koi8-r transcription with --encoding koi8-r",
         [](auto& d) { text(d + "/k.txt", "\xf4\xc5\xcb\xd3\xd4 koi8\n"); },
         "clean --encoding koi8-r {dir}/k.txt", 0, "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82"},
        {"unknown --encoding", [](auto& d) { text(d + "/a.txt", "abc\n"); },
         "clean --encoding klingon-8 {dir}/a.txt", 3, "unknown encoding 'klingon-8'"},
        {"UTF-16 with a byte-order mark",
         [](auto& d) {
             text(d + "/u16.txt",
                  std::string("\xFF\xFE\x22\x04\x35\x04\x3A\x04\x41\x04\x42\x04\x0A\x00", 14));
         },
         "clean {dir}/u16.txt", 0, "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82"},
        {"UTF-8 with a byte-order mark and CRLF",
         [](auto& d) {
             text(d + "/bom.txt", "\xEF\xBB\xBF\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82\r\n");
         },
         "clean {dir}/bom.txt", 0, "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82\n"},
        {"broken UTF-8 in the middle of a word",
         [](auto& d) { text(d + "/broken.txt", "ok\nok\n\xd0\xa2\xd0\n"); },
         "clean {dir}/broken.txt", 3, "(line 3)"},
        {"a binary file given as a transcription",
         [](auto& d) {
             write_bytes(d + "/img.txt", std::string("GIF89a\x01\x00\x01\x00\x00\x00\x00;", 14));
         },
         "clean {dir}/img.txt", 3, "contains NUL bytes"},
        {"a folder given as a transcription", [](auto& d) { fs::create_directories(d + "/texts"); },
         "clean {dir}/texts", 3, "is a directory"},
        {"missing transcription", [](auto&) {}, "clean {dir}/none.txt", 3, "cannot open file"},
        {"malformed XML reference",
         [](auto& d) {
             text(d + "/ref.xml", "<?xml version=\"1.0\"?>\n<alto>\n<TextLine>\n</alto>\n");
             text(d + "/hyp.txt", "x\n");
         },
         "eval {dir}/ref.xml {dir}/hyp.txt", 3, "malformed XML (line 4)"},
        {"HTML reference without hOCR classes",
         [](auto& d) {
             text(d + "/ref.html", "<html><body><p>text</p></body></html>\n");
             text(d + "/hyp.txt", "x\n");
         },
         "eval {dir}/ref.html {dir}/hyp.txt", 3, "HTML without hOCR"},
        {"hOCR nested 300000 elements deep",
         [](auto& d) {
             const int n = 300000;
             std::string html = "<html><body><div class=\"ocr_page\">";
             for (int i = 0; i < n; ++i) html += "<span>";
             html += "x";
             for (int i = 0; i < n; ++i) html += "</span>";
             text(d + "/deep.html", html + "</div></body></html>\n");
             text(d + "/hyp.txt", "x\n");
         },
         "eval {dir}/deep.html {dir}/hyp.txt", 3, "levels deep"},
        {"hypothesis in cp1251",
         [](auto& d) {
             text(d + "/ref.txt", "\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82\n");
             text(d + "/hyp.txt", "\xd2\xe5\xea\xf1\xf2\n");
         },
         "eval {dir}/ref.txt {dir}/hyp.txt", 3, "hyp.txt: not valid UTF-8"},
        // ---- profiles
        {"profile key with a typo",
         [](auto& d) {
             text(d + "/typo.yaml",
                  std::string(kProfileHead) + "cleanup:\n  speckle:\n    max_confidnce: 40\n");
         },
         "clean --profile {dir}/typo.yaml {dir}/typo.yaml", 4,
         "typo.yaml:4: unknown key 'cleanup.speckle.max_confidnce'"},
        {"profile value of the wrong type",
         [](auto& d) {
             text(d + "/type.yaml",
                  std::string(kProfileHead) + "cleanup:\n  speckle:\n    max_confidence: high\n");
         },
         "clean --profile {dir}/type.yaml {dir}/type.yaml", 4,
         "type.yaml:4: 'cleanup.speckle.max_confidence': expected a"},
        {"profile value out of range",
         [](auto& d) { text(d + "/range.yaml", std::string(kProfileHead) + "ocr:\n  psm: 42\n"); },
         "run --profile {dir}/range.yaml {dir}/range.yaml", 4,
         "range.yaml:3: 'ocr.psm': 42 is out of range"},
        {"profile that is not valid YAML",
         [](auto& d) { text(d + "/yaml.yaml", "cleanup:\n  stages: [speckle\n  other: 1\n"); },
         "clean --profile {dir}/yaml.yaml {dir}/yaml.yaml", 4, "yaml.yaml:"},
        {"profile saved in cp1251",
         [](auto& d) {
             text(d + "/cp.yaml", std::string(kProfileHead) +
                                      "cleanup:\n  stamp:\n    extra_patterns: "
                                      "['\xd1\xe5\xea\xf0\xe5\xf2\xed\xee']\n");
         },
         "clean --profile {dir}/cp.yaml {dir}/cp.yaml", 4, "cp.yaml:4: not valid UTF-8"},
        {"profile extending a missing parent",
         [](auto& d) { text(d + "/orphan.yaml", "extends: no-such-archive\n"); },
         "clean --profile {dir}/orphan.yaml {dir}/orphan.yaml", 4, "orphan.yaml:1: parent profile"},
        {"profile extending a name too long for the file system",
         [](auto& d) { text(d + "/long.yaml", "extends: " + std::string(300, 'f') + "\n"); },
         "clean --profile {dir}/long.yaml {dir}/long.yaml", 4, "long.yaml:1: parent profile"},
        {"profiles extending each other",
         [](auto& d) {
             text(d + "/a.yaml", "extends: b\n");
             text(d + "/b.yaml", "extends: a\n");
         },
         "clean --profile {dir}/a.yaml {dir}/a.yaml", 4, "too deeply"},
        {"profile extending a device",
         [](auto& d) { text(d + "/dev.yaml", "extends: /dev/zero\n"); },
         "clean --profile {dir}/dev.yaml {dir}/dev.yaml", 4, "regular file"},
        {"profile with a list as a key", [](auto& d) { text(d + "/key.yaml", "? [a, b]\n: 1\n"); },
         "clean --profile {dir}/key.yaml {dir}/key.yaml", 4,
         "key.yaml:1: a key must be a plain name"},
        {"profile whose aliases multiply",
         [](auto& d) {
             std::string y = "l0: &l0 {a: 1, b: 2}\n";
             for (int i = 1; i < 40; ++i)
                 y += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " {a: *l" +
                      std::to_string(i - 1) + ", b: *l" + std::to_string(i - 1) + "}\n";
             text(d + "/laughs.yaml", y);
         },
         "clean --profile {dir}/laughs.yaml {dir}/laughs.yaml", 4, "repeats itself too often"},
        {"unknown cleanup stage",
         [](auto& d) {
             text(d + "/stage.yaml",
                  std::string(kProfileHead) + "cleanup:\n  stages: [speckle, stamps]\n");
         },
         "clean --profile {dir}/stage.yaml {dir}/stage.yaml", 4, "'stamps'"},
        {"stamp pattern that is not a regular expression",
         [](auto& d) {
             text(d + "/re.yaml", std::string(kProfileHead) +
                                      "cleanup:\n  stamp:\n    extra_patterns: ['(unclosed']\n");
         },
         "clean --profile {dir}/re.yaml {dir}/re.yaml", 4, "not a valid ICU regular expression"},
        {"stamp pattern that backtracks without end",
         [](auto& d) {
             text(d + "/slow.yaml",
                  std::string(kProfileHead) +
                      "cleanup:\n  stages: [stamp]\n  stamp:\n    extra_patterns: ['(a+)+$']\n");
             text(d + "/a.txt", std::string(40, 'a') + "!\n");
         },
         "clean --profile {dir}/slow.yaml {dir}/a.txt", 4, "takes too long"},
        profile_row("profile with a key given twice", "twice.yaml",
                    "cleanup:\n  speckle:\n    max_confidence: 40\n    max_confidence: 50\n",
                    "clean",
                    "twice.yaml:5: key 'cleanup.speckle.max_confidence' is given twice "
                    "(first on line 4)"),
        profile_row("profile with a top-level key given twice", "twice.yaml",
                    "ocr:\n  psm: 6\nocr:\n  psm: 4\n", "run",
                    "twice.yaml:4: key 'ocr' is given twice (first on line 2)"),
        profile_row("profile file holding a second YAML document", "two.yaml",
                    "---\nocr:\n  psm: 42\n", "clean", "two.yaml:3: holds a second YAML document"),
        profile_row("clean with a profile whose run parameter is out of range", "range.yaml",
                    "ocr:\n  psm: 42\n", "clean", "range.yaml:3: 'ocr.psm': 42 is out of range"),
        {"clean --set of a run parameter with a wrong value",
         [](auto& d) { text(d + "/a.txt", "x\n"); }, "clean --set ocr.psm=banana {dir}/a.txt", 4,
         "--set: 'ocr.psm'"},
        {"clean --set of a run parameter clean does not use",
         [](auto& d) { text(d + "/a.txt", "x\n"); }, "clean --set ocr.psm=6 {dir}/a.txt", 4,
         "'ocr.psm' is a parameter of scanfix run; clean does not use it"},
        {"missing profile", [](auto& d) { text(d + "/a.txt", "x\n"); },
         "clean --profile {dir}/none.yaml {dir}/a.txt", 4, "profile not found"},
        {"--set without a value", [](auto& d) { text(d + "/a.txt", "x\n"); },
         "clean --set cleanup.speckle {dir}/a.txt", 2, "is not key=value"},
        {"--set out of range", [](auto& d) { text(d + "/a.txt", "x\n"); },
         "clean --set cleanup.speckle.max_confidence=400 {dir}/a.txt", 4,
         "--set: 'cleanup.speckle.max_confidence'"},
        {"--set of an unknown key", [](auto& d) { text(d + "/a.txt", "x\n"); },
         "clean --set cleanup.speckel.max_height=1 {dir}/a.txt", 4, "cleanup.speckel.max_height"},
        {"--report naming the transcription itself", [](auto& d) { text(d + "/a.txt", "words\n"); },
         "clean --report {dir}/a.txt {dir}/a.txt", 3, "is one of the inputs"},
        {"--html naming the reference itself",
         [](auto& d) {
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "words\n");
         },
         "eval --html {dir}/ref.txt {dir}/ref.txt {dir}/hyp.txt", 3, "is one of the inputs"},
        // ---- arguments
        {"no subcommand", [](auto&) {}, "", 2, "subcommand"},
        {"unknown option", [](auto&) {}, "run --colour {dir}/p.png", 2, "--colour"},
        {"--dpi out of range", [](auto&) {}, "run --dpi 10 {dir}/p.png", 2, "--dpi"},
        {"--max-megapixels of 0", [](auto&) {}, "run --max-megapixels 0 {dir}/p.png", 2,
         "--max-megapixels"},
        {"unknown --layout", [](auto&) {}, "clean --layout pretty -", 2, "--layout"},
        {"eval without a hypothesis", [](auto&) {}, "eval {dir}/ref.txt", 2, "HYP"},
        {"--psm as a word", [](auto&) {}, "run --psm auto {dir}/p.png", 2, "--psm"},
        {"run without images", [](auto&) {}, "run", 2, "no input images given"},
        {"run on an empty folder", [](auto& d) { fs::create_directories(d + "/empty"); },
         "run {dir}/empty", 3, "no PNG, JPEG, TIFF or PDF files"},
        {"--shard that is not K/N", [](auto& d) { fs::create_directories(d + "/empty"); },
         "run --shard 3 -o {dir}/out {dir}/empty", 2, "is not K/N"},
        {"several formats without -o", [](auto&) {}, "run -f txt,hocr {dir}/p.png", 2,
         "need an output folder"},
        {"--report naming the page image itself",
         [](auto& d) { write_bytes(d + "/p.png", encode(".png", noise_page(64, 64))); },
         "run --report {dir}/p.png {dir}/p.png", 3, "is one of the inputs"},
        // ---- outputs that name a device, a FIFO or a link: written through or followed,
        // never replaced by a regular file
        {"--report naming a character device",
         [](auto& d) {
             device(d, "null", 3);
             text(d + "/t.txt", "words\n");
         },
         "clean --report {dir}/null {dir}/t.txt", 0, "words",
         [](auto& d) { CHECK(is_device(d + "/null")); }},
        {"--html naming a character device",
         [](auto& d) {
             device(d, "null", 3);
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "words\n");
         },
         "eval --html {dir}/null {dir}/ref.txt {dir}/hyp.txt", 0, "CER",
         [](auto& d) { CHECK(is_device(d + "/null")); }},
        {"run --report naming a character device",
         [](auto& d) {
             device(d, "null", 3);
             page_png(d + "/p.png");
         },
         page_args + "--report {dir}/null {dir}/p.png", 0, "",
         [](auto& d) { CHECK(is_device(d + "/null")); }},
        {"--report naming a block device",
         [](auto& d) {
             if (::mknod((d + "/disk").c_str(), S_IFBLK | 0600, makedev(7, 250)) != 0)
                 skip_row(d, "cannot make a device node (needs root)");
             text(d + "/t.txt", "words\n");
         },
         "clean --report {dir}/disk {dir}/t.txt", 3, "block device"},
        {"--report naming a FIFO",
         [](auto& d) {
             fifo_with_reader(d, "pipe");
             text(d + "/t.txt", "words\n");
         },
         "clean --report {dir}/pipe {dir}/t.txt", 0, "words",
         [](auto& d) { CHECK(fifo_read(d, "pipe").find("\"entries\"") != std::string::npos); }},
        {"--html naming a FIFO",
         [](auto& d) {
             fifo_with_reader(d, "pipe");
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "words\n");
         },
         "eval --html {dir}/pipe {dir}/ref.txt {dir}/hyp.txt", 0, "CER",
         [](auto& d) { CHECK(fifo_read(d, "pipe").find("<html") != std::string::npos); }},
        {"--report naming a symbolic link",
         [](auto& d) {
             fs::create_directories(d + "/out");
             text(d + "/out/kept.json", "old\n");
             fs::create_symlink("out/kept.json", d + "/link.json");
             text(d + "/t.txt", "words\n");
         },
         "clean --report {dir}/link.json {dir}/t.txt", 0, "words",
         [](auto& d) {
             CHECK(fs::is_symlink(d + "/link.json"));
             CHECK(fs::read_symlink(d + "/link.json") == "out/kept.json");
             CHECK(slurp(d + "/out/kept.json").find("\"entries\"") != std::string::npos);
         }},
        {"--report naming a dangling symbolic link",
         [](auto& d) {
             fs::create_directories(d + "/out");
             fs::create_symlink("out/new.json", d + "/link.json");
             text(d + "/t.txt", "words\n");
         },
         "clean --report {dir}/link.json {dir}/t.txt", 0, "words",
         [](auto& d) {
             CHECK(fs::is_symlink(d + "/link.json"));
             CHECK(slurp(d + "/out/new.json").find("\"entries\"") != std::string::npos);
         }},
        // ---- tune and --debug-dir never write over an input
        {"tune -o naming one of its references",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             fs::create_directories(d + "/gt");
             page_png(d + "/imgs/page-01.png");
             text(d + "/gt/page-01.gt.txt", "words\n");
         },
         "tune --images {dir}/imgs --gt {dir}/gt -o {dir}/gt/page-01.gt.txt", 3,
         "is one of the inputs"},
        {"tune --report naming one of its page images",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             page_png(d + "/imgs/page-01.png");
             page_png(d + "/imgs/page-02.png");
             text(d + "/imgs/page-01.gt.txt", "words\n");
         },
         "tune --images {dir}/imgs --gt {dir}/imgs -o {dir}/out.yaml --report "
         "{dir}/imgs/page-02.png",
         3, "is one of the inputs"},
        {"tune -o in --gt under a name read as a reference",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             fs::create_directories(d + "/gt");
             page_png(d + "/imgs/page-01.png");
             page_png(d + "/imgs/page-02.png");
             text(d + "/gt/page-01.gt.txt", "words\n");
         },
         "tune --images {dir}/imgs --gt {dir}/gt -o {dir}/gt/page-02.gt.txt", 3,
         "read as a reference"},
        {"tune --report in --images under a name read as a page image",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             page_png(d + "/imgs/page-01.png");
             text(d + "/imgs/page-01.gt.txt", "words\n");
         },
         "tune --images {dir}/imgs --gt {dir}/imgs -o {dir}/t.yaml --report {dir}/imgs/r.png", 3,
         "read as a page image"},
        {"tune -o in a missing folder",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             page_png(d + "/imgs/page-01.png");
             text(d + "/imgs/page-01.gt.txt", "words\n");
         },
         "tune --images {dir}/imgs --gt {dir}/imgs -o {dir}/none/t.yaml", 3,
         "output folder does not exist"},
        {"run -o into a folder nobody may write to, found before any page is read",
         [](auto& d) {
             page_png(d + "/p.png");
             locked_folder(d, "locked");
         },
         page_args + "-o {dir}/locked {dir}/p.png", 3,
         "locked: cannot write into output folder: Operation not permitted",
         [](auto& d) { unlock_folder(d, "locked"); }},
        {"tune -o into a folder nobody may write to, found before the search",
         [](auto& d) {
             fs::create_directories(d + "/imgs");
             page_png(d + "/imgs/page-01.png");
             text(d + "/imgs/page-01.gt.txt", "words\n");
             locked_folder(d, "locked");
         },
         "tune --images {dir}/imgs --gt {dir}/imgs -o {dir}/locked/t.yaml", 3,
         "cannot write into its folder: Operation not permitted",
         [](auto& d) { unlock_folder(d, "locked"); }},
        {"tune --holdout nan", [](auto& d) { fs::create_directories(d + "/imgs"); },
         "tune --images {dir}/imgs --gt {dir}/imgs -o {dir}/t.yaml --holdout nan", 2, "--holdout"},
        {"--debug-dir holding the page image",
         [](auto& d) {
             fs::create_directories(d + "/D");
             page_png(d + "/D/p.png");
             page_png(d + "/D/p-05-flattened.png");
         },
         page_args + "--debug-dir {dir}/D {dir}/D/p.png {dir}/D/p-05-flattened.png", 3,
         "debug folder holds the input"},
        {"--debug-dir holding a page image of a batch",
         [](auto& d) {
             fs::create_directories(d + "/D");
             page_png(d + "/D/p.png");
         },
         page_args + "-o {dir}/out --debug-dir {dir}/D {dir}/D", 3, "debug folder holds the input"},
        {"--debug-dir that is a file",
         [](auto& d) {
             page_png(d + "/p.png");
             text(d + "/notes.txt", "x\n");
         },
         page_args + "--debug-dir {dir}/notes.txt {dir}/p.png", 3, "is not a folder"},
        {"--debug-dir below a file",
         [](auto& d) {
             page_png(d + "/p.png");
             text(d + "/notes.txt", "x\n");
         },
         page_args + "--debug-dir {dir}/notes.txt/dbg {dir}/p.png", 3,
         "cannot create debug folder"},
        {"run --report into a missing folder, found before any page is read",
         [](auto& d) { page_png(d + "/p.png"); },
         page_args + "--report {dir}/none/r.json {dir}/p.png", 3, "output folder does not exist"},
        // ---- pages that decode wrongly or only in part
        {"TIFF with an unknown compression",
         [](auto& d) {
             std::string tif = tiff_pages(1, 0);
             tif[8 + 2 + 3 * 12 + 8] = char(0x39), tif[8 + 2 + 3 * 12 + 9] = char(0x30);  // 12345
             write_bytes(d + "/packed.tif", tif);
         },
         page_args + "{dir}/packed.tif", 3, "uses TIFF compression 12345, which cannot be decoded"},
        {"PDF whose JPEG scan is cut in half",
         [](auto& d) {
             scanfix::test::PdfPage page;
             page.image = noise_page(300, 400);
             page.jpeg_share = 0.5;
             scanfix::test::write_test_pdf(d + "/scan.pdf", {page});
         },
         page_args + "{dir}/scan.pdf", 3, "page 1: its scanned image is damaged (truncated"},
        {"PDF whose second JPEG is cut, in a batch: the first page is written",
         [](auto& d) {
             scanfix::test::PdfPage good, bad;
             good.image = noise_page(300, 400);
             bad.image = noise_page(300, 400);
             bad.jpeg_share = 0.5;
             scanfix::test::write_test_pdf(d + "/scan.pdf", {good, bad});
         },
         page_args + "-o {dir}/out {dir}/scan.pdf", 1, "page 2: its scanned image is damaged",
         [](auto& d) {
             CHECK(fs::exists(d + "/out/scan-p0001.txt"));
             CHECK(!fs::exists(d + "/out/scan-p0002.txt"));
         }},
        {"multi-page TIFF with a broken page 2, in a batch: pages 1 and 3 are written",
         [](auto& d) { write_bytes(d + "/multi.tif", tiff_pages(3, 2)); },
         page_args + "-o {dir}/out {dir}/multi.tif", 1, "page 2",
         [](auto& d) {
             CHECK(fs::exists(d + "/out/multi-p0001.txt"));
             CHECK(!fs::exists(d + "/out/multi-p0002.txt"));
             CHECK(fs::exists(d + "/out/multi-p0003.txt"));
         }},
        {"multi-page TIFF with a broken page 2, read as one document",
         [](auto& d) { write_bytes(d + "/multi.tif", tiff_pages(3, 2)); },
         page_args + "{dir}/multi.tif", 3, "image data of page 2 reaches past the end"},
        // ---- what OpenCV and libpng would print: one line of scanfix's own instead
        {"TIFF with 3-bit samples", [](auto& d) { write_bytes(d + "/odd.tif", tiff_odd(3, 1)); },
         page_args + "{dir}/odd.tif", 3,
         "odd.tif: cannot decode image; 3-bit samples are not supported"},
        {"TIFF with 255-bit samples",
         [](auto& d) { write_bytes(d + "/odd.tif", tiff_odd(255, 1)); },
         page_args + "{dir}/odd.tif", 3, "255-bit samples are not supported"},
        {"TIFF with 64-bit integer samples",
         [](auto& d) { write_bytes(d + "/odd.tif", tiff_odd(64, 1)); }, page_args + "{dir}/odd.tif",
         3, "64-bit integer samples are not supported"},
        {"TIFF with 1000 samples per pixel",
         [](auto& d) { write_bytes(d + "/odd.tif", tiff_odd(8, 1000)); },
         page_args + "{dir}/odd.tif", 3, "1000 samples per pixel are not supported"},
        {"tiled TIFF whose tile tables are too short",
         [](auto& d) { write_bytes(d + "/tiles.tif", tiff_odd(8, 1, 1, 2)); },
         page_args + "{dir}/tiles.tif", 3, "needs 16 tiles, but its tile tables list 2"},
        {"PNG whose odd chunks make libpng warn (gAMA 0, short iCCP, sRGB intent 9, bKGD, tRNS)",
         [](auto& d) {
             std::string png = encode(".png", noise_page(64, 64));
             png = png_with_chunk(png, "gAMA", scanfix::test::be32(0));
             png = png_with_chunk(png, "iCCP", std::string("icc\0\0x", 6));
             png = png_with_chunk(png, "sRGB", "\x09");
             png = png_with_chunk(png, "bKGD", "\x01");
             png = png_with_chunk(png, "tRNS", "\x01\x02\x03");
             write_bytes(d + "/odd.png", png);
         },
         page_args + "{dir}/odd.png", 0, ""},
        {"PNG with bytes after its compressed image data",
         [](auto& d) {
             write_bytes(d + "/extra.png",
                         png_with_data(64, 64, white_rows_deflated(64, 64) + "junk"));
         },
         page_args + "{dir}/extra.png", 0, ""},
        {"PNG whose compressed image data is damaged (checksums right)",
         [](auto& d) {
             std::string z = white_rows_deflated(64, 64);
             z[z.size() - 3] = char(z[z.size() - 3] ^ 0x55);  // the Adler-32 of the zlib stream
             write_bytes(d + "/bad.png", png_with_data(64, 64, z));
         },
         page_args + "{dir}/bad.png", 3,
         "bad.png: corrupt: the PNG's compressed image data is damaged"},
        {"PNG whose image data stops short of its last row",
         [](auto& d) {
             write_bytes(d + "/short.png", png_with_data(64, 64, white_rows_deflated(64, 40)));
         },
         page_args + "{dir}/short.png", 3, "ends before its last row"},
        {"PNG with a colour type and bit depth that do not go together",
         [](auto& d) {
             std::string png = encode(".png", noise_page(64, 64));
             png[24] = 4;  // 4-bit samples in an RGB image
             png[25] = 2;
             png.replace(29, 4, scanfix::test::be32(scanfix::test::crc32(png.substr(12, 17))));
             write_bytes(d + "/odd.png", png);
         },
         page_args + "{dir}/odd.png", 3, "4-bit samples for colour type 2"},
        {"page too large for the memory left: out of memory, naming the file",
         [](auto& d) {
             if (kAddressSanitizer) skip_row(d, "ulimit -v cannot be used under AddressSanitizer");
             write_bytes(d + "/big.png",
                         png_with_data(17000, 17000, white_rows_deflated(17000, 17000)));
         },
         "{ ulimit -v 400000; {bin} run --lang eng {dir}/big.png; }", 1, "big.png: out of memory"},
        // ---- manifests
        {"manifest line with a NUL byte",
         [](auto& d) {
             page_png(d + "/a.png");
             page_png(d + "/b.png");
             write_bytes(d + "/pages.txt", std::string("a.png\0b.png\n", 12));
         },
         page_args + "-o {dir}/out --manifest {dir}/pages.txt", 3,
         "pages.txt: line 1 contains a NUL byte"},
        {"manifest starting with a UTF-8 byte-order mark",
         [](auto& d) {
             page_png(d + "/p.png");
             text(d + "/pages.txt", "\xEF\xBB\xBF" + d + "/p.png\n");
         },
         page_args + "-o {dir}/out --manifest {dir}/pages.txt", 0, "",
         [](auto& d) { CHECK(fs::exists(d + "/out/p.txt")); }},
        {"manifest with a line longer than any path",
         [](auto& d) { text(d + "/pages.txt", std::string(5000, 'a') + ".png\n"); },
         page_args + "-o {dir}/out --manifest {dir}/pages.txt", 3, "longer than 4096 bytes"},
        {"/dev/zero as a manifest", [](auto&) {}, page_args + "-o {dir}/out --manifest /dev/zero",
         3, "/dev/zero: line 1 contains a NUL byte"},
        {"/dev/urandom as a manifest", [](auto&) {},
         page_args + "-o {dir}/out --manifest /dev/urandom", 3, "/dev/urandom: line"},
        // ---- the --max-cer gate
        {"--max-cer nan",
         [](auto& d) {
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "other\n");
         },
         "eval --max-cer nan {dir}/ref.txt {dir}/hyp.txt", 2, "--max-cer"},
        {"--max-cer given empty",
         [](auto& d) {
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "other\n");
         },
         "eval --max-cer '' {dir}/ref.txt {dir}/hyp.txt", 2, "--max-cer"},
        {"--max-cer inf%",
         [](auto& d) {
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "other\n");
         },
         "eval --max-cer inf% {dir}/ref.txt {dir}/hyp.txt", 2, "--max-cer"},
        // ---- standard output that cannot be written
        {"run with standard output on a full device",
         [](auto& d) {
             device(d, "full", 7);
             text_page_png(d + "/p.png");
         },
         "{ {bin} run --lang eng {dir}/p.png >{dir}/full; }", 1,
         "cannot write to standard output: No space left on device"},
        {"eval with standard output on a full device",
         [](auto& d) {
             device(d, "full", 7);
             text(d + "/ref.txt", "words\n");
             text(d + "/hyp.txt", "words\n");
         },
         "{ {bin} eval {dir}/ref.txt {dir}/hyp.txt >{dir}/full; }", 1,
         "cannot write to standard output"},
        {"clean with standard output on a full device",
         [](auto& d) {
             device(d, "full", 7);
             text(d + "/t.txt", "words\n");
         },
         "{ {bin} clean {dir}/t.txt >{dir}/full; }", 1, "cannot write to standard output"},
        {"clean --report on a full device: a failed write, exit 1",
         with_full_device([](auto& d) { text(d + "/t.txt", "words\n"); }),
         "clean --report {dir}/full {dir}/t.txt", 1, "full: cannot write: No space left on device"},
        {"run --report on a full device: a failed write, exit 1",
         with_full_device([](auto& d) { page_png(d + "/p.png"); }),
         page_args + "--report {dir}/full {dir}/p.png", 1, "No space left on device"},
        // ---- file names that are not UTF-8 in XML outputs
        {"page image named in cp1251, written as hOCR, ALTO and PAGE",
         [](auto& d) {
             page_png(d + "/\xd1\xea\xe0\xed.png");
             text(d + "/ref.txt", "x\n");
         },
         page_args + "-o {dir}/out -f txt,hocr,alto,page {dir}/\xd1\xea\xe0\xed.png", 0, "",
         [](auto& d) {
             const std::string stem = d + "/out/\xd1\xea\xe0\xed";
             for (const char* ext : {".hocr", ".alto.xml", ".page.xml"}) {
                 INFO(ext);
                 std::string xml = slurp(stem + ext);
                 CHECK(xml.find("%D1%EA%E0%ED.png") != std::string::npos);
                 // scanfix's own eval reads it: the XML is well-formed and valid UTF-8.
                 std::string err;
                 CHECK(run_command(scanfix_bin() + " eval " + d + "/ref.txt '" + stem + ext + "'",
                                   nullptr, &err) <= 1);
                 CHECK(err.find("malformed") == std::string::npos);
             }
         }},
        // ---- tiny and extreme page sizes
        {"1x1 image", [](auto& d) { page_png(d + "/dot.png", 1, 1); }, page_args + "{dir}/dot.png",
         3, "too small to hold text"},
        {"2x2 image", [](auto& d) { page_png(d + "/dot.png", 2, 2); }, page_args + "{dir}/dot.png",
         3, "too small to hold text"},
        {"20000x20 strip", [](auto& d) { page_png(d + "/strip.png", 20000, 20); },
         page_args + "{dir}/strip.png", 0, ""},
        {"20x20000 strip", [](auto& d) { page_png(d + "/strip.png", 20, 20000); },
         page_args + "{dir}/strip.png", 0, ""},
        {"65000x30 strip", [](auto& d) { page_png(d + "/strip.png", 65000, 30); },
         page_args + "{dir}/strip.png", 3, "a side longer than 32766 pixels cannot be read"},
        // ---- endless and huge inputs: refused early, not read whole
        {"/dev/zero as a transcription", [](auto&) {}, "clean /dev/zero", 3,
         "/dev/zero: contains NUL bytes"},
        {"/dev/zero on standard input", [](auto&) {}, "{ {bin} clean - </dev/zero; }", 3,
         "<stdin>: contains NUL bytes"},
        {"endless text on standard input", [](auto&) {},
         "{ yes 'endless words' | {bin} clean - ; }", 3, "larger than the limit of 128 MB"},
        {"/dev/zero as a hypothesis", [](auto& d) { text(d + "/ref.txt", "words\n"); },
         "eval {dir}/ref.txt /dev/zero", 3, "contains NUL bytes"},
        {"a 4 GB transcription",
         [](auto& d) {
             fs::create_directories(d + "/out");
             std::ofstream(d + "/out/huge.txt") << "words\n";
             fs::resize_file(d + "/out/huge.txt", 4ull << 30);  // sparse: no disk used
         },
         "clean {dir}/out/huge.txt", 3, "larger than the limit of 128 MB"},
        {"a 4 GB reference",
         [](auto& d) {
             fs::create_directories(d + "/out");
             std::ofstream(d + "/out/huge.txt") << "words\n";
             fs::resize_file(d + "/out/huge.txt", 4ull << 30);
             text(d + "/hyp.txt", "words\n");
         },
         "eval {dir}/out/huge.txt {dir}/hyp.txt", 3, "larger than the limit of 128 MB"},
        {"profile extending a 4 GB file",
         [](auto& d) {
             fs::create_directories(d + "/out");
             std::ofstream(d + "/out/huge.yaml") << "extends: default\n";
             fs::resize_file(d + "/out/huge.yaml", 4ull << 30);
             text(d + "/p.yaml", "extends: out/huge.yaml\n");
         },
         "clean --profile {dir}/p.yaml {dir}/p.yaml", 4, "huge.yaml: larger than 1 MB"},
    };
}

}  // namespace

TEST_CASE("bad inputs get a clear answer, never a crash, and inputs stay untouched") {
    std::vector<Row> table = rows();
    REQUIRE(table.size() >= 100);
    for (const Row& row : table) {
        DYNAMIC_SECTION(row.what) {
            std::string dir = scanfix::test::temp_dir("bad-input");
            row.make(dir);
            if (fs::exists(dir + "/.skip")) {
                WARN("skipped: " << row.what << ": " << slurp(dir + "/.skip"));
                fs::remove_all(dir);
                continue;
            }
            auto before = snapshot(dir);
            std::string out, err, args = expand(row.args, dir);
            auto start = std::chrono::steady_clock::now();
            int rc = run_command(
                row.args.find("{bin}") != std::string::npos ? args : scanfix_bin() + " " + args,
                &out, &err);
            double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            INFO("scanfix " << args << "\nexit " << rc << "\nstdout: " << out.substr(0, 400)
                            << "\nstderr: " << err);
            if (rc == 5 && row.exit_code != 5) {
                // The other rows still count: a failure among them fails the test.
                WARN("SKIPPED (Tesseract language missing): " << row.what);
                scanfix::test::mark_skipped(std::string("Tesseract language missing for: ") +
                                            row.what);
                if (row.check) row.check(dir);  // lets a FIFO's reader finish
                fs::remove_all(dir);
                continue;
            }
            CHECK(rc == row.exit_code);
            std::string fragment = expand(row.fragment, dir);
            if (row.exit_code == 0) {
                CHECK(out.find(fragment) != std::string::npos);
                // Nothing of a third-party library on stderr either (a batch reports progress).
                if (row.args.find(" -o ") == std::string::npos) CHECK(err.empty());
            } else {
                CHECK(err.find(fragment) != std::string::npos);
                // A batch (-o) reports progress and a summary; anything else one line.
                if (row.exit_code != 2 && row.args.find(" -o ") == std::string::npos) {
                    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
                    CHECK(out.empty());
                }
            }
            CHECK(err.find("runtime error") == std::string::npos);  // UBSan
            CHECK(err.find("internal error") == std::string::npos);
            CHECK(seconds < 60);
            CHECK(snapshot(dir) == before);
            if (row.check) row.check(dir);
            fs::remove_all(dir);
        }
    }
}
