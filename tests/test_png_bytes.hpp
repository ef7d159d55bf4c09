// Byte helpers for tests that build or patch PNG files by hand: the chunk checksum (CRC-32 as
// PNG and zlib define it) and big-endian 32-bit fields.
#pragma once

#include <cstdint>
#include <string>

namespace scanfix::test {

inline uint32_t crc32(const std::string& s) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char b : s) {
        c ^= b;
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

inline std::string be32(uint32_t v) {
    return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

}  // namespace scanfix::test
