// What the sample generator's tests share: a short official text of three paragraphs and the
// check that the fonts the generator needs are installed (a warning says when a test is skipped).
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "scanfix/core/error.hpp"
#include "typeface.hpp"

namespace scanfix::samples::fixtures {

inline const std::vector<std::string> kParagraphs = {
    "Настоящим сообщаем, что проверка наличия дел в архиве отдела проведена в "
    "установленный срок. Расхождений между описями и наличием дел не обнаружено.",
    "Одновременно проверено состояние хранилища: температурный режим соблюдается, "
    "стеллажи исправны, противопожарные средства имеются в достаточном количестве.",
    "Акт составлен в двух экземплярах, один из которых направляется в общий отдел."};

inline bool fonts_installed() {
    try {
        find_font("", typewriter_font_files(), "typewriter");
        find_font("", pen_font_files(), "pen");
        find_font("", stamp_font_files(), "stamp");
        return true;
    } catch (const InputError& e) {
        WARN("skipped: " << e.what());
        return false;
    }
}

}  // namespace scanfix::samples::fixtures
