// Writing output files so that a crash or a full disk never leaves a half-written file that
// looks finished: write to a temporary file beside the target, flush, then rename.
#pragma once

#include <string>

namespace scanfix {

// Writes `content` to `path` atomically. Refuses to overwrite a file listed in `protected_inputs`
// is the caller's job; this only guarantees all-or-nothing. Throws InputError on failure
// (with "no space left on device" when that is the reason).
void write_file_atomically(const std::string& path, const std::string& content);

}  // namespace scanfix
