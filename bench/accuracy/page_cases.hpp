// The pages bench_page_accuracy reads: every EHRI page, each in the half of the fixed
// document split (bench/ehri_split.txt), and the synthetic set (bench/synthetic_set.txt) with the
// variant each page stands for. Each page knows the sets it counts in.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace scanfix::bench {

struct PageCase {
    std::string name;       // file stem, e.g. EHRI-ET-JMP010_06
    std::string image;      // the page image
    std::string reference;  // its line-by-line reference (ALTO or .lines.gt.txt)
    std::string lang;       // Tesseract language
    std::string profile;    // scanfix profile: "ehri" or "default"
    std::string source;     // "ehri" or "synthetic"
    std::string document;   // EHRI: the file name without its page part; synthetic: the name
    std::string half;       // EHRI: "development" or "measured"; synthetic: ""
    std::string variant;    // synthetic: what the page stands for, e.g. "violet ribbon"
    std::vector<std::string> sets;  // the sets (table rows) the page counts in
};

// EHRI-BF-19380311b_CZ_02 -> EHRI-BF-19380311b_CZ: the name without its trailing _<digits>.
std::string ehri_document(const std::string& page_name);

// Document id -> "development" or "measured", from a split file: one "<document> <half>" per
// line, '#' starts a comment. Throws InputError for a missing file or a malformed line.
std::map<std::string, std::string> read_ehri_split(const std::string& path);

// EHRI pages: <dir>/<language folder>/<name>.jpg with <name>.xml (ALTO), language folders
// german, danish, czech, english, slovak. A page whose document the split does not name is
// left out with a line in `skipped`.
std::vector<PageCase> ehri_pages(const std::string& dir,
                                 const std::map<std::string, std::string>& split,
                                 std::vector<std::string>& skipped);

// One page of the synthetic set: "<name> | <variant> | <text file> | <make_samples options>".
struct SyntheticSpec {
    std::string name, variant, text, options;
};
// Throws InputError for a missing file or a malformed line.
std::vector<SyntheticSpec> read_synthetic_set(const std::string& path);

// The synthetic pages of `set` found in `dir` (<name>.jpg|png with <name>.lines.gt.txt), in
// the set's order; a page missing from `dir` is listed in `skipped`.
std::vector<PageCase> synthetic_pages(const std::vector<SyntheticSpec>& set, const std::string& dir,
                                      std::vector<std::string>& skipped);

// The names of the sets in table order: the EHRI halves, the EHRI languages, the synthetic set
// and its variants (in order of first appearance).
std::vector<std::string> set_order(const std::vector<PageCase>& pages);

}  // namespace scanfix::bench
