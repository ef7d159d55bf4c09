// Fuzz target: a transcription's bytes through text decoding, the line model, every cleanup
// stage of the default profile and both layouts — what `scanfix clean` does with a file.
// Expected failures are InputError (malformed text); anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/core/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const scanfix::Profile profile =
        scanfix::Profile::load("default", scanfix::profiles_dir());
    static const scanfix::Context ctx = [] {
        scanfix::Context c;
        c.profile = &profile;
        c.data_dir = scanfix::data_dir();
        return c;
    }();
    std::string text;
    try {
        text = scanfix::decode_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    } catch (const scanfix::InputError&) {
        return 0;
    }
    scanfix::Document doc = scanfix::document_from_text(text, "fuzz");
    scanfix::run_cleanup(doc, ctx);
    for (scanfix::Layout layout : {scanfix::Layout::Reading, scanfix::Layout::Diplomatic}) {
        std::string out = scanfix::render_text(doc, layout, false);
        std::string marked = scanfix::render_text(doc, layout, true);
        if (!scanfix::is_valid_utf8(out) || !scanfix::is_valid_utf8(marked)) __builtin_trap();
    }
    return 0;
}
