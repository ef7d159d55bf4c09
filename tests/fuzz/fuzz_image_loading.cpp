// Fuzz target: a file's bytes through image loading — signature, header and structure checks,
// then OpenCV's decoders and the conversion to 8-bit grey or BGR. The pixel limit is kept low
// so that the fuzzer explores headers rather than allocating large images.
// Expected failures are InputError; anything else is a finding.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // PDFs go to poppler, which is fuzzed upstream (OSS-Fuzz); here the raster path.
    if (size >= 4 && std::memcmp(data, "%PDF", 4) == 0) return 0;
    static const std::string path = "/tmp/scanfix-fuzz-image-" + std::to_string(getpid());
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    scanfix::LoadOptions options;
    options.max_pixels = 4'000'000;
    try {
        for (const scanfix::Page& page : scanfix::load_pages(path, options)) {
            if (page.image.empty() || page.image.depth() != 0 ||
                (page.image.channels() != 1 && page.image.channels() != 3))
                __builtin_trap();
        }
    } catch (const scanfix::InputError&) {
    }
    return 0;
}
