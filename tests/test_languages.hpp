// Tests that read pages with Tesseract show as skipped, never as passed or failed, where a
// language they need is not installed (for tests linking scanfix::ocr; see test_skip.hpp).
#pragma once

#include <string>

#include "scanfix/ocr/recognizer.hpp"
#include "test_skip.hpp"

// Ends the current TEST_CASE as skipped unless Tesseract has every language of `lang` ("rus+eng").
#define REQUIRE_TESSERACT_LANGUAGE(lang)                                  \
    if (std::string scanfix_missing_ = ::scanfix::missing_language(lang); \
        !scanfix_missing_.empty())                                        \
    SCANFIX_SKIP("Tesseract language " << scanfix_missing_ << " is not installed")
