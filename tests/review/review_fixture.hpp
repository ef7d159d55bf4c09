// A small batch output folder for the review tests, written with scanfix's own writers: page
// models (JSON) and texts of made-up pages with a doubtful word, a cleanup replacement, a
// removed word and a removed line, and a scan for each, in a folder of scans beside it.
#pragma once

#include <string>

#include "scanfix/core/page.hpp"

namespace scanfix::test {

struct ReviewFixture {
    std::string root;   // the test's folder
    std::string out;    // the batch output folder (what `scanfix review` gets)
    std::string scans;  // the scans the JSON files name
};

// A page of three lines: "Слушали сообщение секретаря" (with "сообшение" read and replaced by
// the cleanup, and "секретаря" doubted at 40), a removed margin line "вд" and "Постановили:
// принять" with a folio number "17" removed alone. `confidence` is given to the other words.
Page review_sample_page(const std::string& scan, float confidence);

// Writes out/<stem>.json and out/<stem>.txt (diplomatic) for pages "worse" (confidence 70),
// "better" (95) and "box1/deeper" (90), with their scans in scans/.
ReviewFixture make_review_folder(const std::string& tag);

}  // namespace scanfix::test
