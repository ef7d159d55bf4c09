// What an image file's own header says about it — format, size of each page, bit depth,
// colour model, and whether the file is complete — read from the bytes without decoding a
// pixel, so that a truncated file or a "decompression bomb" is refused before OpenCV allocates.
// Used by image_loader.cpp; private to the ocr module.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace scanfix {

enum class ImageFormat { Png, Jpeg, Tiff, Pdf, Unknown };

// One page (frame) as its header describes it.
struct ImageFrame {
    long long width = 0, height = 0;
    int bits = 8;       // bits per sample
    int samples = 1;    // samples (channels) per pixel
    bool cmyk = false;  // separated colour (CMYK or YCCK)
    bool floating = false;
    int compression = 1;  // TIFF Compression tag (1 = none)
    // Empty when this page reads well; else why it cannot be decoded (a multi-page TIFF whose
    // page 2 is damaged still has good pages 1 and 3).
    std::string problem;
};

struct ImageHeader {
    ImageFormat format = ImageFormat::Unknown;
    std::vector<ImageFrame> frames;
    // Empty when the header reads well; else why the file cannot be a good image, in words
    // for the archivist ("truncated: ...", "corrupt: ..."). Problems of single pages of a TIFF
    // are the frames' own, as long as one page reads well.
    std::string problem;
};

// The format from the first bytes alone.
ImageFormat sniff_image_format(std::string_view bytes);

// Reads the header (and for truncation, the structure) of a whole file held in memory.
// Never throws on malformed data; a problem is reported in ImageHeader::problem.
ImageHeader read_image_header(std::string_view bytes);

}  // namespace scanfix
