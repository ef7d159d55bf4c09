// The cleanup pipeline as a whole: plain transcriptions into the page model, and the stages a
// profile lists (cleanup.stages) run in order over a document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/context.hpp"
#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"

namespace scanfix {

// Builds the line model of a transcription: one Line per text line, words split on white
// space, blank lines start a new paragraph, form feeds start a new page. No geometry.
Document document_from_text(const std::string& text, const std::string& source);

class CleanupStage;

// The cleanup stages a profile names (cleanup.stages), each built once with its parameters,
// lexicon, transliterators and tables; run() is const and may be called from many threads.
class Cleanup {
  public:
    // Throws ConfigError for an unknown stage name, an unknown cleanup key or a bad parameter.
    Cleanup(const Profile& profile, const Context& ctx);
    ~Cleanup();
    Cleanup(Cleanup&&) noexcept;
    // Runs the stages in order over the document, then rejoins text across removed lines.
    // Says per stage on ctx.log how long it took.
    void run(Document& doc, const Context& ctx) const;

  private:
    std::vector<std::unique_ptr<CleanupStage>> stages_;
};

// Cleanup(*ctx.profile, ctx).run(doc, ctx), for one-off use.
// Throws ConfigError for an unknown stage name or a bad parameter.
void run_cleanup(Document& doc, const Context& ctx);

// All cleanup parameters with their defaults (for --print-params and tune).
std::vector<ParamSpec> cleanup_param_specs();

}  // namespace scanfix
