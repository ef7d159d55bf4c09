// What a batch reads: files, folders (searched recursively for page images and PDFs) and
// manifests (one path per line), expanded into one ordered list of input files. The order is
// deterministic, so every machine of a sharded run (shard.hpp) sees the same list.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace scanfix::batch {

struct InputList {
    // Input files in order: arguments as given, each folder's files sorted by path. Duplicates
    // (the same file reached twice) are kept once.
    std::vector<std::string> files;
    // The folders whose layout the outputs mirror (output_layout.hpp): every folder argument
    // itself, and the folder of every file argument or manifest entry.
    std::vector<std::string> anchors;
};

// Expands `args` (files or folders) and the entries of each manifest. A file argument is kept
// even when missing or unreadable: that is reported for it alone when the batch reaches it.
// Throws InputError for a missing manifest or folder, or a folder without page files.
InputList expand_inputs(const std::vector<std::string>& args,
                        const std::vector<std::string>& manifests = {});

// Limits of one manifest: a line longer than a path can be, or more entries than a batch can
// track, is refused while reading (a manifest may be a pipe that never ends).
constexpr size_t kMaxManifestLine = 4096;
constexpr size_t kMaxManifestEntries = 5'000'000;

// The entries of a manifest: one path per line; blank lines and lines starting with '#' are
// skipped; a UTF-8 byte-order mark at the start is dropped; relative paths are taken relative
// to the current folder (like tar -T or rsync --files-from). "-" reads standard input. Throws
// InputError for a missing manifest, a line with a NUL byte (it would cut the path short and
// give one page's output another page's name) or a CR inside it (CR-only line ends would join
// paths) and the limits above.
std::vector<std::string> read_manifest(const std::string& path);
// The same from a stream already open; `name` stands for it in errors.
std::vector<std::string> read_manifest(std::istream& in, const std::string& name);

// Files under `folder` that scanfix reads as pages (PNG, JPEG, TIFF, PDF), recursively, sorted;
// hidden files and folders (".name") are left out.
std::vector<std::string> page_files_in(const std::string& folder);

}  // namespace scanfix::batch
