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
    int orientation = 1;  // EXIF orientation of a PNG's eXIf chunk (1 = as stored, 2..8)
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

// A PNG whose header read well (read_image_header), as OpenCV's decoder should see it: IHDR,
// the palette of a palette image, a transparency chunk that fits the colour type, the image
// data as one IDAT holding exactly its zlib stream, and IEND. libpng prints a "libpng
// warning:" line on stderr for every odd ancillary chunk (gAMA, iCCP, sRGB, bKGD...) and for
// bytes after the zlib stream; OpenCV uses none of those chunks. The zlib stream is inflated
// once here (counting, not keeping, the bytes): damaged or short image data is refused with
// `problem` set (libpng would print "libpng error:" and OpenCV return an empty image).
std::string png_for_decoder(std::string_view png, std::string& problem);

}  // namespace scanfix
