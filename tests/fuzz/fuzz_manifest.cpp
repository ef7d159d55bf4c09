// Fuzz target: a manifest's bytes through the batch manifest reader (`--manifest`: NUL bytes
// refused, a UTF-8 BOM dropped, lines and entries capped), then the entries as the batch takes
// them (files kept once by their absolute path) through the mirrored output layout. Every entry
// must be a non-empty trimmed path of the input without NUL, CR or LF, no longer than the line
// limit; every output stem must be distinct and stay below the output folder. Expected failures
// are InputError; anything else is a finding. Nothing is read from or written to disk.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "scanfix/batch/inputs.hpp"
#include "scanfix/batch/output_layout.hpp"
#include "scanfix/core/error.hpp"

namespace {

[[noreturn]] void finding(const char* what, const std::string& entry) {
    std::fprintf(stderr, "%s: '%s'\n", what, entry.c_str());
    __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace fs = std::filesystem;
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    std::istringstream in(bytes);
    std::vector<std::string> entries;
    try {
        entries = scanfix::batch::read_manifest(in, "fuzz.txt");
    } catch (const scanfix::InputError& e) {
        if (e.file() != "fuzz.txt") finding("error names another file", e.file());
        return 0;
    }
    size_t lines = 1;
    for (char c : bytes) lines += c == '\n';
    if (entries.size() > lines) finding("more entries than lines", std::to_string(lines));
    for (const std::string& entry : entries) {
        if (entry.empty()) finding("empty entry", entry);
        if (entry.find_first_of(std::string("\0\r\n", 3)) != std::string::npos)
            finding("NUL, CR or LF in an entry", entry);
        if (entry.front() == ' ' || entry.front() == '\t' || entry.back() == ' ' ||
            entry.back() == '\t')
            finding("entry not trimmed", entry);
        if (entry.front() == '#') finding("comment kept as an entry", entry);
        if (entry.size() > scanfix::batch::kMaxManifestLine) finding("entry too long", entry);
        if (bytes.find(entry) == std::string::npos) finding("entry not in the manifest", entry);
    }

    // The entries as the batch keeps files (expand_inputs without touching the file system);
    // a path that can only name a folder ("a/", "a/..") is left out: the batch lists folders.
    scanfix::batch::InputList list;
    std::set<std::string> seen;
    for (const std::string& entry : entries) {
        const fs::path name = fs::path(entry).filename();
        if (name.empty() || name == "." || name == "..") continue;
        fs::path parent = fs::path(entry).parent_path();
        list.anchors.push_back(parent.empty() ? std::string(".") : parent.string());
        if (seen.insert(fs::absolute(entry).lexically_normal().string()).second)
            list.files.push_back(entry);
    }
    if (list.files.empty()) return 0;
    try {
        scanfix::batch::OutputLayout layout(list);
        std::set<std::string> stems;
        for (size_t i = 0; i < layout.size(); ++i) {
            const std::string& stem = layout.file_stem(i);
            if (!stems.insert(stem).second) finding("two inputs share an output stem", stem);
            for (const std::string& out : scanfix::batch::output_paths(stem, {{"out", ".txt"}}))
                if (fs::path(out).lexically_normal().string().rfind("out/", 0) != 0)
                    finding("output outside the output folder", out);
        }
    } catch (const scanfix::InputError&) {
    }
    return 0;
}
