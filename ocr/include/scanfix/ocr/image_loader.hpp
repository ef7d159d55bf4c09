// Loading page images: PNG, JPEG, TIFF (multi-page TIFF gives one page each) into the page
// model, with bit depth and colour model normalised to 8-bit grey or BGR.
// Bad files are refused with an InputError that names the file and the reason.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

struct LoadOptions {
    int dpi = 300;                       // used when the file does not say
    long long max_pixels = 300'000'000;  // refuse larger images (memory guard)
};

// The pages of one image file, in order. Throws InputError.
std::vector<Page> load_pages(const std::string& path, const LoadOptions& options = {});

// True for the file endings scanfix reads as images.
bool is_image_path(const std::string& path);

}  // namespace scanfix
