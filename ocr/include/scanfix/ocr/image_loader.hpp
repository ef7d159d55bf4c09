// Loading page images: PNG, JPEG, TIFF (multi-page TIFF gives one page each) and PDFs of scans
// (each page rendered at its scan's resolution, see pdf_pages.hpp) into the page model, with bit
// depth and colour model normalised to 8-bit grey or BGR.
// Bad files are refused with an InputError that names the file and the reason.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

// Sizes a page must have: a line of type is at least kMinPageSide pixels high, and OpenCV's
// geometric transforms and Tesseract both stop short of 32767 pixels a side. A page outside
// them is refused with an InputError ("too small to hold text").
constexpr int kMinPageSide = 10;
constexpr int kMaxPageSide = 32766;

struct LoadOptions {
    int dpi = 300;  // used when the file does not say (also PDF pages without a scan)
    long long max_pixels = 300'000'000;  // refuse larger images (memory guard)
};

// The pages of one image file, in order. Throws InputError.
std::vector<Page> load_pages(const std::string& path, const LoadOptions& options = {});

// Number of pages in the file without decoding them (1 for PNG and JPEG). Throws InputError.
int count_pages(const std::string& path);

// Page `index` (0-based) of the file alone, for batches that spread one file's pages over
// workers. Throws InputError.
Page load_page(const std::string& path, int index, const LoadOptions& options = {});

// True for the file endings scanfix reads as images (PDF included).
bool is_image_path(const std::string& path);

}  // namespace scanfix
