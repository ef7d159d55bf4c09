// Where each page's outputs go: the input folders mirrored below the output folder, so that two
// inputs with the same file name in different folders never overwrite each other. Inputs whose
// outputs would still collide (scans/a.png and scans/a.tif) are refused before any work.
#pragma once

#include <string>
#include <vector>

#include "scanfix/batch/inputs.hpp"

namespace scanfix::batch {

// One kind of output file: <dir>/<page stem><suffix>, e.g. out/ + box1/f12 + .alto.xml.
struct OutputTarget {
    std::string dir;
    std::string suffix;
};

class OutputLayout {
  public:
    // The mirrored root is the deepest folder holding every anchor of `inputs`. Throws
    // InputError naming both files when two inputs would write the same outputs.
    explicit OutputLayout(const InputList& inputs);

    // The folder whose layout is mirrored.
    const std::string& root() const { return root_; }
    // Output stem of input file `i` (index into inputs.files): its path below the root,
    // without extension, e.g. "box1/f12".
    const std::string& file_stem(size_t i) const { return stems_[i]; }
    size_t size() const { return stems_.size(); }

  private:
    std::string root_;
    std::vector<std::string> stems_;
};

// The stem of one page: the file's stem for a single-page file, "<stem>-p0003" for page 3 of a
// multi-page file (PDF, multi-page TIFF), zero-padded so that pages sort in order.
std::string page_stem(const std::string& file_stem, int page, int pages);

// <target.dir>/<stem><target.suffix> for every target.
std::vector<std::string> output_paths(const std::string& stem,
                                      const std::vector<OutputTarget>& targets);

// True when every path exists as a regular file. Outputs are written to a temporary file and
// renamed (core/output_file.hpp), so an existing file is a finished one: a killed run leaves
// only temporary files, never a partial output under the final name.
bool outputs_complete(const std::vector<std::string>& paths);

}  // namespace scanfix::batch
