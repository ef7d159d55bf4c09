// Text decoding: UTF-8 validation, BOM and CRLF, legacy encodings through ICU, NFC.
#include <catch2/catch.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"
#include "test_paths.hpp"

using namespace scanfix;

TEST_CASE("decode_text normalises line ends, BOM and composition") {
    CHECK(decode_text("\xEF\xBB\xBF"
                      "a\r\nb\rc",
                      "t") == "a\nb\nc");
    // и + combining breve becomes й
    CHECK(decode_text("\xD0\xB8\xCC\x86", "t") == "й");
}

TEST_CASE("malformed UTF-8 is an InputError naming the origin and line") {
    try {
        decode_text("ok\n\xD0", "broken.txt");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(e.file() == "broken.txt");
        CHECK(e.reason().find("line 2") != std::string::npos);
    }
}

TEST_CASE("cp1251 and koi8-r are converted") {
    CHECK(decode_text("\xCF\xF0\xE8\xE2\xE5\xF2", "t", "cp1251") == "Привет");
    CHECK(decode_text("\xF0\xD2\xC9\xD7\xC5\xD4", "t", "koi8-r") == "Привет");
    CHECK_THROWS_AS(decode_text("x", "t", "no-such-encoding"), InputError);
}

TEST_CASE("case mapping and length are Unicode-aware") {
    CHECK(to_lower("ШТЫКОВ") == "штыков");
    CHECK(to_upper("ёж") == "ЁЖ");
    CHECK(utf8_length("ёж") == 2);
}

TEST_CASE("a UTF-16 byte-order mark is honoured; NUL bytes and folders are refused") {
    std::string utf16le("\xFF\xFE\x22\x04\x35\x04\x0D\x00\x0A\x00", 10);  // "Те\r\n"
    CHECK(decode_text(utf16le, "u16") == "\xD0\xA2\xD0\xB5\n");
    std::string utf16be("\xFE\xFF\x04\x22\x04\x35", 6);
    CHECK(decode_text(utf16be, "u16") == "\xD0\xA2\xD0\xB5");
    try {
        decode_text(std::string("ab\ncd\0ef", 8), "bin");
        FAIL("NUL accepted");
    } catch (const InputError& e) {
        CHECK(e.reason().find("NUL") != std::string::npos);
        CHECK(e.reason().find("line 2") != std::string::npos);
    }
    CHECK_THROWS_AS(read_text_file(scanfix::test::source_dir() + "/core"), InputError);
}
