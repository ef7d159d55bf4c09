// What the sample generator's tests share: a short official text of three paragraphs and the
// check that the fonts the generator needs are installed (a test without them shows as skipped).
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scanfix/core/error.hpp"
#include "test_skip.hpp"
#include "typeface.hpp"

namespace scanfix::samples::fixtures {

inline const std::vector<std::string> kParagraphs = {
    "Настоящим сообщаем, что проверка наличия дел в архиве отдела проведена в "
    "установленный срок. Расхождений между описями и наличием дел не обнаружено.",
    "Одновременно проверено состояние хранилища: температурный режим соблюдается, "
    "стеллажи исправны, противопожарные средства имеются в достаточном количестве.",
    "Акт составлен в двух экземплярах, один из которых направляется в общий отдел."};

// Why the generator's fonts cannot be used here, or "" when they are all installed.
inline std::string missing_fonts() {
    try {
        find_font("", typewriter_font_files(), "typewriter");
        find_font("", pen_font_files(), "pen");
        find_font("", stamp_font_files(), "stamp");
        return "";
    } catch (const InputError& e) {
        return e.what();
    }
}

}  // namespace scanfix::samples::fixtures

// Ends the current TEST_CASE as skipped (see test_skip.hpp) when a generator font is missing.
#define REQUIRE_GENERATOR_FONTS()                                                 \
    if (std::string scanfix_why_ = ::scanfix::samples::fixtures::missing_fonts(); \
        !scanfix_why_.empty())                                                    \
    SCANFIX_SKIP(scanfix_why_)
