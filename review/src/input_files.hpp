// Reading the files of a review folder: whole, with a size limit, so that a stray huge file is
// refused with its name instead of filling the memory; and JSON parsed with the place of the
// first error in the message.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace scanfix::review {

// The bytes of `path`. Throws InputError naming the file when it cannot be read or is larger
// than `max_bytes`.
std::string read_bounded(const std::string& path, size_t max_bytes);

// `text` parsed as JSON. Throws InputError naming `name`, with line and column of the error.
nlohmann::json parse_json(const std::string& text, const std::string& name);

}  // namespace scanfix::review
