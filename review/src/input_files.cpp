// Bounded whole-file reads and JSON parsing; see input_files.hpp.
#include "input_files.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "scanfix/core/error.hpp"

namespace scanfix::review {

std::string read_bounded(const std::string& path, size_t max_bytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) throw InputError(path, "no such file");
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw InputError(path, "cannot read: " + ec.message());
    if (size > max_bytes)
        throw InputError(path, "too large to review (" + std::to_string(size >> 20) +
                                   " MB; at most " + std::to_string(max_bytes >> 20) + " MB)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw InputError(path, "cannot read");
    return bytes;
}

nlohmann::json parse_json(const std::string& text, const std::string& name) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // "[json.exception.parse_error.101] parse error at line 3, column 7: ..." without the tag
        std::string what = e.what();
        if (size_t tag = what.find("] ");
            !what.empty() && what.front() == '[' && tag != std::string::npos)
            what.erase(0, tag + 2);
        throw InputError(name, "not valid JSON: " + what);
    }
}

}  // namespace scanfix::review
