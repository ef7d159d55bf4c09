// From an image file to recognised pages: load, preprocess and recognise each page, with
// parameters from the context's profile. The cleanup stages run afterwards (cleanup/).
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/stage.hpp"
#include "scanfix/ocr/image_loader.hpp"
#include "scanfix/ocr/recognizer.hpp"

namespace scanfix {

// The pages of one image file, preprocessed and recognised. Throws InputError, OcrError,
// ConfigError.
std::vector<Page> read_image_pages(const std::string& path, const LoadOptions& load,
                                   const Context& ctx, Recognizer& recognizer);

// Recognition parameters (under "ocr") and preprocessing parameters (under "preprocess").
std::vector<ParamSpec> ocr_param_specs();

}  // namespace scanfix
