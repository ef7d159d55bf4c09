// The cleanup pipeline as a whole: plain transcriptions into the page model, and the stages a
// profile lists (cleanup.stages) run in order over a document.
#pragma once

#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/stage.hpp"

namespace scanfix {

// Builds the line model of a transcription: one Line per text line, words split on white
// space, blank lines start a new paragraph, form feeds start a new page. No geometry.
Document document_from_text(const std::string& text, const std::string& source);

// Runs the cleanup stages named in ctx.profile ("cleanup.stages") over the document.
// Throws ConfigError for an unknown stage name or a bad parameter.
void run_cleanup(Document& doc, const Context& ctx);

// All cleanup parameters with their defaults (for --print-params and tune).
std::vector<ParamSpec> cleanup_param_specs();

}  // namespace scanfix
