// PDFs of scans: page count, and each page rendered through poppler-cpp at the resolution of the
// scan it holds, so a 400 dpi scan is not resampled to an arbitrary size before preprocessing.
// The image loader (image_loader.hpp) calls these for files with a PDF signature.
#pragma once

#include <opencv2/core.hpp>
#include <string>

namespace scanfix {

// Number of pages of a PDF. Throws InputError (unreadable, encrypted, not a PDF).
int pdf_page_count(const std::string& path);

// The resolution at which page `index` (0-based) reproduces its scan pixel for pixel: the
// embedded full-page image's width over the page's width in inches. `fallback_dpi` when the
// page holds no image covering the page (a born-digital page). Throws InputError.
int pdf_page_dpi(const std::string& path, int index, int fallback_dpi);

// How many times this thread has opened (parsed) a PDF document. A thread keeps the last
// document it opened while the file is unchanged, so reading the pages of a PDF one by one
// opens it once; tests check that.
int pdf_documents_opened();

// Page `index` rendered at `dpi`: 8-bit grey when the page has no colour, else BGR. Refuses
// (InputError) before rendering when the result would exceed `max_pixels`.
cv::Mat render_pdf_page(const std::string& path, int index, int dpi, long long max_pixels);

}  // namespace scanfix
