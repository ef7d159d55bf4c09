// The pages tune learns from: page images paired with their reference transcriptions by page
// name (page-01.png <-> page-01.gt.txt, as scanfix eval pairs files), and the seeded split of
// those pages into the ones the search sees and the ones held out to check it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace scanfix::tune {

struct TunePage {
    std::string name;       // the common page name (stem)
    std::string image;      // path of the page image
    std::string reference;  // path of the reference (plain text, ALTO, PAGE or hOCR)
};

struct PageSet {
    std::vector<TunePage> pages;                 // sorted by name
    std::vector<std::string> without_reference;  // images no reference was found for
};

// Pairs every image in `images_dir` (PNG, JPEG, TIFF) with the reference of the same page name
// in `references_dir` (which may be the same folder). A reference is a file whose name ends in
// a tag or extension scanfix eval knows (.gt.txt, .txt, .xml, .hocr ...); when a page has
// several, the one tagged ".gt" wins. Throws InputError for a missing folder or a page with
// two untagged candidate references.
PageSet find_tune_pages(const std::string& images_dir, const std::string& references_dir);

// Refuses (InputError) an output of tune — the profile, the report — that is one of the
// pages or references of `set`, or that would be read as one (a page image in `images_dir`, a
// transcription in `references_dir`), before any work is done.
void check_not_a_tune_input(const std::string& output, const std::string& images_dir,
                            const std::string& references_dir, const PageSet& set);

struct PageSplit {
    std::vector<TunePage> train;    // the search minimises the error rate on these
    std::vector<TunePage> holdout;  // only measured before and after
};

// Holds out round(fraction * pages) pages chosen by `seed` (the same seed and pages always give
// the same split, on every platform). At least one page is kept for training; with two pages
// or more and fraction > 0, at least one is held out.
PageSplit split_pages(const std::vector<TunePage>& pages, double fraction, std::uint64_t seed);

}  // namespace scanfix::tune
