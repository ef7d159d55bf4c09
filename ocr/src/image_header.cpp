// Header and structure reading for PNG (chunks up to IEND), JPEG (markers up to EOI) and TIFF
// (every IFD, with its strips or tiles checked against the file size); see image_header.hpp.
// Every read is bounds-checked: this code sees hostile bytes first, before any decoder does.
#include "image_header.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string_view>

namespace scanfix {
namespace {

// Bounds-checked big/little-endian reads over the file's bytes.
class Bytes {
  public:
    Bytes(std::string_view data, bool little) : d_(data), little_(little) {}
    size_t size() const { return d_.size(); }
    bool has(uint64_t pos, uint64_t len) const {
        return pos <= d_.size() && len <= d_.size() - pos;
    }
    uint8_t u8(uint64_t pos) const { return static_cast<uint8_t>(d_[size_t(pos)]); }
    std::string_view slice(uint64_t pos, uint64_t len) const {
        return d_.substr(size_t(pos), size_t(len));
    }
    bool u16(uint64_t pos, uint64_t& v) const { return read(pos, 2, v); }
    bool u32(uint64_t pos, uint64_t& v) const { return read(pos, 4, v); }
    bool u64(uint64_t pos, uint64_t& v) const { return read(pos, 8, v); }
    bool read(uint64_t pos, int len, uint64_t& v) const {
        if (!has(pos, uint64_t(len))) return false;
        v = 0;
        for (int i = 0; i < len; ++i) {
            uint64_t b = u8(pos + uint64_t(little_ ? len - 1 - i : i));
            v = (v << 8) | b;
        }
        return true;
    }

  private:
    std::string_view d_;
    bool little_;
};

// CRC-32 as PNG uses it (ISO 3309, zlib's crc32), over `len` bytes from `pos`.
uint32_t png_crc(const Bytes& b, uint64_t pos, uint64_t len) {
    std::string_view bytes = b.slice(pos, len);
    return uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(bytes.data()), bytes.size()));
}

std::string png_ihdr_problem(const Bytes& b, uint64_t at);
int exif_orientation(std::string_view exif);

// ---- PNG: signature, IHDR first, then chunks until IEND, each with its checksum (libpng
// would otherwise print its own complaint on stderr before giving up).
void read_png(const Bytes& b, ImageHeader& h) {
    uint64_t pos = 8;
    bool first = true;
    while (true) {
        uint64_t len = 0;
        if (!b.u32(pos, len) || !b.has(pos + 4, 4)) {
            h.problem = "truncated: the PNG ends before its end marker (IEND)";
            return;
        }
        std::string type;
        for (int i = 0; i < 4; ++i) type += char(b.u8(pos + 4 + uint64_t(i)));
        if (len > 0x7FFFFFFFu) {
            h.problem = "corrupt: PNG chunk '" + type + "' has an impossible length";
            return;
        }
        if (!b.has(pos + 8, len + 4)) {
            h.problem = "truncated: the PNG ends inside its '" + type + "' chunk";
            return;
        }
        uint64_t stored = 0;
        b.u32(pos + 8 + len, stored);
        if (png_crc(b, pos + 4, len + 4) != stored) {
            h.problem = "corrupt: the PNG's '" + type + "' chunk fails its checksum";
            return;
        }
        if (first) {
            if (type != "IHDR" || len < 13) {
                h.problem = "corrupt: the PNG does not start with its IHDR header";
                return;
            }
            ImageFrame f;
            uint64_t w = 0, hgt = 0;
            b.u32(pos + 8, w);
            b.u32(pos + 12, hgt);
            f.width = (long long)w;
            f.height = (long long)hgt;
            f.bits = b.u8(pos + 16);
            switch (b.u8(pos + 17)) {
                case 2:
                    f.samples = 3;
                    break;
                case 4:
                    f.samples = 2;
                    break;
                case 6:
                    f.samples = 4;
                    break;
                default:
                    f.samples = 1;
                    break;  // grey, palette
            }
            if (std::string bad = png_ihdr_problem(b, pos + 8); !bad.empty()) {
                h.problem = bad;
                return;
            }
            h.frames.push_back(f);
            first = false;
        }
        if (type == "eXIf") h.frames[0].orientation = exif_orientation(b.slice(pos + 8, len));
        if (type == "IEND") return;
        pos += 12 + len;
    }
}

// What libpng would refuse in the IHDR fields at `at` (with a "libpng error:" line).
std::string png_ihdr_problem(const Bytes& b, uint64_t at) {
    const int bits = b.u8(at + 8), colour = b.u8(at + 9);
    std::set<int> allowed;
    switch (colour) {
        case 0:
            allowed = {1, 2, 4, 8, 16};
            break;
        case 3:
            allowed = {1, 2, 4, 8};
            break;
        case 2:
        case 4:
        case 6:
            allowed = {8, 16};
            break;
        default:
            return "corrupt: the PNG header gives an unknown colour type " + std::to_string(colour);
    }
    if (!allowed.count(bits))
        return "corrupt: the PNG header gives " + std::to_string(bits) +
               "-bit samples for colour type " + std::to_string(colour);
    if (b.u8(at + 10) != 0 || b.u8(at + 11) != 0 || b.u8(at + 12) > 1)
        return "corrupt: the PNG header gives an unknown compression, filter or interlace method";
    uint64_t w = 0, hgt = 0;
    b.u32(at, w);
    b.u32(at + 4, hgt);
    if (w > 0x7FFFFFFFu || hgt > 0x7FFFFFFFu)
        return "corrupt: the PNG header gives a width or height over 2^31";
    return {};
}

// The Orientation tag (0x0112) of IFD0 in an EXIF block ("II*\0" or "MM\0*" first); 1 when
// absent or malformed.
int exif_orientation(std::string_view exif) {
    if (exif.size() < 8 || !(exif.substr(0, 4) == std::string_view("II*\0", 4) ||
                             exif.substr(0, 4) == std::string_view("MM\0*", 4)))
        return 1;
    Bytes e(exif, exif[0] == 'I');
    uint64_t ifd = 0, count = 0;
    if (!e.u32(4, ifd) || !e.u16(ifd, count)) return 1;
    for (uint64_t i = 0; i < count; ++i) {
        uint64_t entry = ifd + 2 + i * 12, tag = 0, type = 0, value = 0;
        if (!e.u16(entry, tag) || !e.u16(entry + 2, type) || !e.u16(entry + 8, value)) return 1;
        if (tag == 0x0112) return type == 3 && value >= 1 && value <= 8 ? int(value) : 1;
    }
    return 1;
}

// ---- JPEG: markers from SOI; entropy-coded data after each SOS skipped up to the next marker.
bool is_sof(uint8_t m) {
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

void read_jpeg(const Bytes& b, ImageHeader& h) {
    const std::string truncated = "truncated: the JPEG ends before its end marker (EOI)";
    uint64_t pos = 2;
    while (true) {
        // A marker is 0xFF (any number of fill bytes) and a code.
        if (!b.has(pos, 2)) {
            h.problem = truncated;
            return;
        }
        if (b.u8(pos) != 0xFF) {
            h.problem = "corrupt: JPEG data where a marker should be";
            return;
        }
        while (b.has(pos, 2) && b.u8(pos + 1) == 0xFF) ++pos;
        if (!b.has(pos, 2)) {
            h.problem = truncated;
            return;
        }
        uint8_t m = b.u8(pos + 1);
        pos += 2;
        if (m == 0xD9) {
            if (h.frames.empty()) h.problem = "corrupt: the JPEG has no frame header";
            return;
        }
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) continue;  // stand-alone markers
        uint64_t len = 0;
        if (!b.u16(pos, len)) {
            h.problem = truncated;
            return;
        }
        if (len < 2) {
            h.problem = "corrupt: JPEG segment with an impossible length";
            return;
        }
        if (!b.has(pos, len)) {
            h.problem = truncated;
            return;
        }
        if (is_sof(m) && len >= 8 && h.frames.empty()) {
            ImageFrame f;
            uint64_t w = 0, hgt = 0;
            f.bits = b.u8(pos + 2);
            b.u16(pos + 3, hgt);
            b.u16(pos + 5, w);
            f.width = (long long)w;
            f.height = (long long)hgt;
            f.samples = b.u8(pos + 7);
            f.cmyk = f.samples == 4;
            h.frames.push_back(f);
        }
        pos += len;
        if (m == 0xDA) {
            // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a restart marker,
            // anything else is the next marker.
            while (true) {
                if (!b.has(pos, 2)) {
                    h.problem = truncated;
                    return;
                }
                if (b.u8(pos) == 0xFF) {
                    uint8_t next = b.u8(pos + 1);
                    if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                        pos += 2;
                        continue;
                    }
                    if (next == 0xFF) {
                        ++pos;
                        continue;
                    }
                    break;
                }
                ++pos;
            }
        }
    }
}

// ---- TIFF (classic and BigTIFF): every IFD in the chain.
int tiff_type_size(uint64_t type) {
    switch (type) {
        case 1:
        case 2:
        case 6:
        case 7:
            return 1;
        case 3:
        case 8:
            return 2;
        case 4:
        case 9:
        case 11:
        case 13:
            return 4;
        case 5:
        case 10:
        case 12:
        case 16:
        case 17:
        case 18:
            return 8;
        default:
            return 0;
    }
}

struct TiffReader {
    const Bytes& b;
    bool big;

    // The integer values of one IFD entry at `entry` (limited to `max_values`), or false.
    bool values(uint64_t entry, std::vector<uint64_t>& out, uint64_t max_values) const {
        uint64_t type = 0, count = 0;
        b.u16(entry + 2, type);
        if (!(big ? b.u64(entry + 4, count) : b.u32(entry + 4, count))) return false;
        int size = tiff_type_size(type);
        if (size == 0 || count > b.size() || count > max_values) return false;
        uint64_t field = entry + (big ? 12 : 8);
        uint64_t inline_size = big ? 8 : 4;
        uint64_t at = field;
        if (count * uint64_t(size) > inline_size) {
            if (!(big ? b.u64(field, at) : b.u32(field, at))) return false;
        }
        if (!b.has(at, count * uint64_t(size))) return false;
        out.clear();
        for (uint64_t i = 0; i < count; ++i) {
            uint64_t v = 0;
            if (type == 3 || type == 8)
                b.u16(at + i * 2, v);
            else if (type == 4 || type == 9 || type == 13)
                b.u32(at + i * 4, v);
            else if (type == 16 || type == 17 || type == 18)
                b.u64(at + i * 8, v);
            else if (size == 1)
                v = b.u8(at + i);
            else
                return false;  // rationals and floats are not used for what we read
            out.push_back(v);
        }
        return true;
    }
};

void read_tiff(const Bytes& b, ImageHeader& h) {
    uint64_t version = 0;
    b.u16(2, version);
    bool big = version == 43;
    uint64_t ifd = 0;
    if (big ? !b.u64(8, ifd) : !b.u32(4, ifd)) {
        h.problem = "truncated: the TIFF ends inside its header";
        return;
    }
    TiffReader r{b, big};
    std::set<uint64_t> seen;
    const uint64_t entry_size = big ? 20 : 12;
    // A broken page list ends the pages: the ones before it stay good, the break is a page of
    // its own that cannot be read (or the file's problem when no page came before it).
    auto chain_broken = [&h](const std::string& why) {
        if (h.frames.empty()) {
            h.problem = why;
            return;
        }
        ImageFrame bad;
        bad.problem = why;
        h.frames.push_back(bad);
    };
    while (ifd != 0) {
        std::string page = "page " + std::to_string(h.frames.size() + 1);
        if (!seen.insert(ifd).second)
            return chain_broken("corrupt: the TIFF's list of pages loops back on itself");
        if (seen.size() > 10000) {
            h.problem = "corrupt: the TIFF claims more than 10000 pages";
            return;
        }
        uint64_t count = 0;
        if (!(big ? b.u64(ifd, count) : b.u16(ifd, count)))
            return chain_broken("truncated: the TIFF ends before the directory of " + page);
        uint64_t first = ifd + (big ? 8 : 2);
        if (count > b.size() || !b.has(first, count * entry_size + (big ? 8 : 4)))
            return chain_broken("truncated: the TIFF ends inside the directory of " + page);
        ImageFrame f;
        f.samples = 1;
        f.bits = 1;  // the TIFF default when BitsPerSample is absent
        std::vector<uint64_t> offsets, counts, v;
        bool have_width = false, have_height = false, tiled = false, planes = false;
        uint64_t tile_w = 0, tile_h = 0, rows_per_strip = 0;
        for (uint64_t i = 0; i < count && f.problem.empty(); ++i) {
            uint64_t e = first + i * entry_size, tag = 0;
            b.u16(e, tag);
            const uint64_t max_blocks = 1u << 24;
            switch (tag) {
                case 256:
                    if (r.values(e, v, 1) && !v.empty())
                        f.width = (long long)v[0], have_width = true;
                    break;
                case 257:
                    if (r.values(e, v, 1) && !v.empty())
                        f.height = (long long)v[0], have_height = true;
                    break;
                case 258:
                    if (r.values(e, v, 64) && !v.empty()) f.bits = int(v[0]);
                    break;
                case 259:
                    if (r.values(e, v, 1) && !v.empty()) f.compression = int(v[0]);
                    break;
                case 262:
                    if (r.values(e, v, 1) && !v.empty()) f.cmyk = v[0] == 5;
                    break;
                case 277:
                    if (r.values(e, v, 1) && !v.empty()) f.samples = int(v[0]);
                    break;
                case 339:
                    if (r.values(e, v, 64) && !v.empty()) f.floating = v[0] == 3;
                    break;
                case 278:
                    if (r.values(e, v, 1) && !v.empty()) rows_per_strip = v[0];
                    break;
                case 284:
                    if (r.values(e, v, 1) && !v.empty()) planes = v[0] == 2;
                    break;
                case 322:
                    if (r.values(e, v, 1) && !v.empty()) tile_w = v[0];
                    break;
                case 323:
                    if (r.values(e, v, 1) && !v.empty()) tile_h = v[0];
                    break;
                case 273:
                case 324:
                    tiled = tag == 324;
                    if (!r.values(e, offsets, max_blocks))
                        f.problem = "truncated or corrupt: the strip table of " + page +
                                    " lies outside the file";
                    break;
                case 279:
                case 325:
                    if (!r.values(e, counts, max_blocks))
                        f.problem = "truncated or corrupt: the strip sizes of " + page +
                                    " lie outside the file";
                    break;
                default:
                    break;
            }
        }
        if (f.problem.empty() && (!have_width || !have_height))
            f.problem = "corrupt: " + page + " of the TIFF has no width or height";
        if (f.problem.empty() && have_width && have_height) {
            // libtiff reads past a table shorter than the page needs (OpenCV then prints its
            // failure over several lines); the tables' length is checked against the page.
            auto per = [](uint64_t n, uint64_t block) {
                return block == 0 ? 1 : (n + block - 1) / block;
            };
            uint64_t blocks =
                tiled
                    ? per(uint64_t(f.width), tile_w) * per(uint64_t(f.height), tile_h)
                    : per(uint64_t(f.height), rows_per_strip ? rows_per_strip : uint64_t(f.height));
            if (planes) blocks *= uint64_t(std::max(f.samples, 1));
            const char* what = tiled ? "tile" : "strip";
            if (tiled && (tile_w == 0 || tile_h == 0))
                f.problem = "corrupt: " + page + " of the TIFF is tiled without a tile size";
            // (Sizes left out altogether are worked out by libtiff for uncompressed data.)
            else if (size_t listed =
                         counts.empty() ? offsets.size() : std::min(offsets.size(), counts.size());
                     listed < blocks)
                f.problem = "corrupt: " + page + " of the TIFF needs " + std::to_string(blocks) +
                            " " + what + "s, but its " + what + " tables list " +
                            std::to_string(listed);
        }
        if (f.problem.empty() && offsets.size() == counts.size()) {
            for (size_t i = 0; i < offsets.size(); ++i)
                if (counts[i] > 0 && !b.has(offsets[i], counts[i])) {
                    f.problem = "truncated: the image data of " + page +
                                " reaches past the end of the file";
                    break;
                }
        }
        h.frames.push_back(f);
        uint64_t next_at = first + count * entry_size;
        if (!(big ? b.u64(next_at, ifd) : b.u32(next_at, ifd))) ifd = 0;
    }
    if (h.frames.empty()) h.problem = "corrupt: the TIFF has no pages";
    // One page alone: its problem is the file's.
    if (h.frames.size() == 1 && !h.frames[0].problem.empty()) h.problem = h.frames[0].problem;
}

}  // namespace

ImageFormat sniff_image_format(std::string_view s) {
    auto at = [&](size_t i) { return i < s.size() ? static_cast<uint8_t>(s[i]) : 0; };
    if (s.size() >= 8 && at(0) == 0x89 && at(1) == 'P' && at(2) == 'N' && at(3) == 'G' &&
        at(4) == 0x0D && at(5) == 0x0A && at(6) == 0x1A && at(7) == 0x0A)
        return ImageFormat::Png;
    if (s.size() >= 3 && at(0) == 0xFF && at(1) == 0xD8 && at(2) == 0xFF) return ImageFormat::Jpeg;
    if (s.size() >= 4 &&
        ((at(0) == 'I' && at(1) == 'I' && (at(2) == 42 || at(2) == 43) && at(3) == 0) ||
         (at(0) == 'M' && at(1) == 'M' && at(2) == 0 && (at(3) == 42 || at(3) == 43))))
        return ImageFormat::Tiff;
    if (s.substr(0, 5) == "%PDF-") return ImageFormat::Pdf;
    return ImageFormat::Unknown;
}

ImageHeader read_image_header(std::string_view bytes) {
    ImageHeader h;
    h.format = sniff_image_format(bytes);
    switch (h.format) {
        case ImageFormat::Png:
            read_png(Bytes(bytes, false), h);
            break;
        case ImageFormat::Jpeg:
            read_jpeg(Bytes(bytes, false), h);
            break;
        case ImageFormat::Tiff:
            read_tiff(Bytes(bytes, bytes[0] == 'I'), h);
            break;
        default:
            break;
    }
    if (h.problem.empty())
        for (size_t i = 0; i < h.frames.size(); ++i) {
            ImageFrame& f = h.frames[i];
            if (f.problem.empty() && (f.width <= 0 || f.height <= 0))
                f.problem =
                    "corrupt: the header gives " +
                    std::string(h.frames.size() > 1 ? "page " + std::to_string(i + 1) + " " : "") +
                    "a width or height of 0";
            if (h.frames.size() == 1 && !f.problem.empty()) h.problem = f.problem;
        }
    return h;
}

}  // namespace scanfix

namespace scanfix {
namespace {

// Bytes of filtered image data a PNG of these IHDR fields holds (one filter byte per row; the
// seven reduced images of Adam7 interlacing each on their own).
uint64_t png_data_size(uint64_t w, uint64_t h, int bits, int colour, bool interlaced) {
    const int channels = colour == 2 ? 3 : colour == 4 ? 2 : colour == 6 ? 4 : 1;
    auto rows = [&](uint64_t pw, uint64_t ph) {
        return pw == 0 || ph == 0 ? 0 : ph * (1 + (pw * uint64_t(channels * bits) + 7) / 8);
    };
    if (!interlaced) return rows(w, h);
    static const int pass[7][4] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                   {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    uint64_t total = 0;
    for (const auto& p : pass) {
        uint64_t pw =
            w > uint64_t(p[0]) ? (w - uint64_t(p[0]) + uint64_t(p[2]) - 1) / uint64_t(p[2]) : 0;
        uint64_t ph =
            h > uint64_t(p[1]) ? (h - uint64_t(p[1]) + uint64_t(p[3]) - 1) / uint64_t(p[3]) : 0;
        total += rows(pw, ph);
    }
    return total;
}

std::string png_chunk(const std::string& type, std::string_view data) {
    std::string c = type;
    c.append(data.data(), data.size());
    uint32_t crc = uint32_t(crc32_z(0, reinterpret_cast<const Bytef*>(c.data()), c.size()));
    auto be32 = [](uint32_t v) {
        return std::string{char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF),
                           char(v & 0xFF)};
    };
    return be32(uint32_t(data.size())) + c + be32(crc);
}

// How many bytes of `z` its zlib stream takes, after checking it inflates to exactly
// `expected` bytes; 0 with `problem` set otherwise.
size_t zlib_stream_length(std::string_view z, uint64_t expected, std::string& problem) {
    z_stream s{};
    if (inflateInit(&s) != Z_OK) {
        problem = "out of memory";
        return 0;
    }
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data()));
    s.avail_in = uInt(std::min<size_t>(z.size(), 1u << 30));
    std::array<Bytef, 1 << 16> out;
    int rc = Z_OK;
    while (rc == Z_OK) {
        s.next_out = out.data();
        s.avail_out = uInt(out.size());
        rc = inflate(&s, Z_NO_FLUSH);
        if (s.total_out > expected) break;
        if (rc == Z_BUF_ERROR && s.avail_out == 0) rc = Z_OK;
    }
    const uint64_t produced = s.total_out;
    const size_t used = size_t(s.total_in);
    const char* msg = s.msg;
    inflateEnd(&s);
    if (produced > expected) {
        problem = "corrupt: the PNG holds more image data than its size";
        return 0;
    }
    if (rc == Z_STREAM_END && produced == expected) return used;
    if (produced < expected && (rc == Z_STREAM_END || rc == Z_BUF_ERROR))
        problem = "corrupt: the PNG's image data ends before its last row";
    else if (rc == Z_BUF_ERROR)
        problem = "corrupt: the PNG's compressed image data has no end";
    else
        problem = "corrupt: the PNG's compressed image data is damaged" +
                  (msg ? " (" + std::string(msg) + ")" : std::string());
    return 0;
}

}  // namespace

std::string png_for_decoder(std::string_view png, std::string& problem) {
    Bytes b(png, false);
    std::string ihdr, palette, transparency, idat;
    int bits = 8, colour = 0;
    uint64_t w = 0, h = 0;
    bool interlaced = false;
    for (uint64_t pos = 8;;) {
        uint64_t len = 0;
        b.u32(pos, len);
        std::string type(b.slice(pos + 4, 4));
        std::string_view data = b.slice(pos + 8, len);
        if (type == "IHDR") {
            ihdr = std::string(b.slice(pos, len + 12));
            b.u32(pos + 8, w);
            b.u32(pos + 12, h);
            bits = b.u8(pos + 16);
            colour = b.u8(pos + 17);
            interlaced = b.u8(pos + 20) == 1;
        } else if (type == "PLTE" && colour == 3) {
            if (len == 0 || len % 3 != 0 || len > 768) {
                problem = "corrupt: the PNG's palette has an impossible length";
                return {};
            }
            // More colours than the bit depth can index: libpng warns and cuts them.
            palette = std::string(data.substr(0, std::min<size_t>(len, 3u << bits)));
        } else if (type == "tRNS") {
            bool fits = (colour == 0 && len == 2) || (colour == 2 && len == 6) ||
                        (colour == 3 && len >= 1 && len <= palette.size() / 3);
            if (fits) transparency = std::string(data);
        } else if (type == "IDAT") {
            idat.append(data.data(), data.size());
        } else if (type == "IEND") {
            break;
        }
        pos += 12 + len;
    }
    if (colour == 3 && palette.empty()) {
        problem = "corrupt: the PNG is a palette image without a palette";
        return {};
    }
    size_t used = zlib_stream_length(idat, png_data_size(w, h, bits, colour, interlaced), problem);
    if (used == 0) return {};
    std::string out(png.substr(0, 8));
    out += ihdr;
    if (!palette.empty()) out += png_chunk("PLTE", palette);
    if (!transparency.empty()) out += png_chunk("tRNS", transparency);
    out += png_chunk("IDAT", std::string_view(idat).substr(0, used));
    out += png_chunk("IEND", {});
    return out;
}

}  // namespace scanfix
