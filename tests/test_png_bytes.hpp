// Byte helpers for tests that build or patch PNG files by hand: the chunk checksum (zlib's
// CRC-32, as PNG defines it) and big-endian 32-bit fields.
#pragma once

#include <cstdint>
#include <string>

#include <zlib.h>

namespace scanfix::test {

inline uint32_t crc32(const std::string& s) {
    return uint32_t(::crc32_z(0, reinterpret_cast<const Bytef*>(s.data()), s.size()));
}

inline std::string be32(uint32_t v) {
    return {char(v >> 24), char((v >> 16) & 0xFF), char((v >> 8) & 0xFF), char(v & 0xFF)};
}

}  // namespace scanfix::test
