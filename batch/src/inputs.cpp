// Input expansion: files, folders and manifests into one ordered list (see inputs.hpp).
#include "scanfix/batch/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/image_loader.hpp"

namespace fs = std::filesystem;

namespace scanfix::batch {
namespace {

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return name.size() > 1 && name[0] == '.' && name != "..";
}

std::string trimmed(const std::string& s) {
    size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return {};
    size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

// The folder of a file path as a path ("." for a bare file name).
std::string folder_of(const std::string& file) {
    fs::path parent = fs::path(file).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

class Collector {
  public:
    void add(const std::string& path) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            std::vector<std::string> found = page_files_in(path);
            if (found.empty())
                throw InputError(path, "no PNG, JPEG, TIFF or PDF files in this folder");
            list_.anchors.push_back(path);
            for (std::string& f : found) keep(std::move(f));
        } else {
            list_.anchors.push_back(folder_of(path));
            keep(path);
        }
    }
    InputList take() { return std::move(list_); }

  private:
    void keep(std::string file) {
        std::string key = fs::absolute(file).lexically_normal().string();
        if (seen_.insert(key).second) list_.files.push_back(std::move(file));
    }
    InputList list_;
    std::set<std::string> seen_;
};

}  // namespace

std::vector<std::string> page_files_in(const std::string& folder) {
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec),
        end;
    if (ec) throw InputError(folder, "cannot read folder: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) throw InputError(folder, "cannot read folder: " + ec.message());
        if (hidden(it->path())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec) && is_image_path(it->path().string()))
            files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> read_manifest(const std::string& path) {
    std::ifstream file;
    std::istream* in = &std::cin;
    const std::string name = path == "-" ? std::string("<stdin>") : path;
    if (path != "-") {
        std::error_code ec;
        if (!fs::exists(path, ec)) throw InputError(path, "no such manifest");
        if (fs::is_directory(path, ec)) throw InputError(path, "is a folder, not a manifest");
        file.open(path, std::ios::binary);
        if (!file) throw InputError(path, "cannot read manifest");
        in = &file;
    }
    return read_manifest(*in, name);
}

std::vector<std::string> read_manifest(std::istream& in, const std::string& name) {
    // Read a byte at a time against the limits, so that /dev/zero or a binary file given by
    // mistake is refused at once instead of being read into memory whole.
    std::vector<std::string> entries;
    std::string line;
    size_t number = 1;
    auto fail = [&](const std::string& why) {
        throw InputError(name, "line " + std::to_string(number) + " " + why);
    };
    auto finish_line = [&] {
        if (number == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
        line = trimmed(line);
        // A CR left inside the line: CR-only line ends (or a stray CR) would join paths.
        if (line.find('\r') != std::string::npos)
            fail(
                "contains a carriage return inside the line: one path per line, ended by LF or "
                "CRLF");
        if (!line.empty() && line[0] != '#') {
            if (entries.size() >= kMaxManifestEntries)
                fail("is past the limit of " + std::to_string(kMaxManifestEntries) +
                     " entries in one manifest (split it)");
            entries.push_back(line);
        }
        line.clear();
        ++number;
    };
    std::streambuf* buf = in.rdbuf();
    for (int c; (c = buf->sbumpc()) != std::char_traits<char>::eof();) {
        if (c == '\n') {
            finish_line();
            continue;
        }
        if (c == '\0') fail("contains a NUL byte: a manifest is plain text, one path per line");
        if (line.size() >= kMaxManifestLine)
            fail("is longer than " + std::to_string(kMaxManifestLine) +
                 " bytes: not a path (is this a manifest?)");
        line += char(c);
    }
    if (!line.empty()) finish_line();
    return entries;
}

InputList expand_inputs(const std::vector<std::string>& args,
                        const std::vector<std::string>& manifests) {
    Collector c;
    for (const std::string& a : args) c.add(a);
    for (const std::string& m : manifests)
        for (const std::string& entry : read_manifest(m)) c.add(entry);
    return c.take();
}

}  // namespace scanfix::batch
