// The batch output folder a reviewer works in (what `scanfix run -o DIR -f txt,json` writes):
// the pages it holds and the only files review reads or writes for each. A page is named by its
// stem below the folder ("box1/f12"); a name that is not a page of the folder is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace scanfix::review {

// The files of one page. Review reads `json` (and `text` when present) and writes only the
// three files of the reviewer's work, never the OCR outputs.
struct PageFiles {
    std::string stem;       // below the folder, '/'-separated, without extension
    std::string json;       // <stem>.json: the page model scanfix run wrote (read only)
    std::string text;       // <stem>.txt: the OCR text, empty when there is none (read only)
    std::string reference;  // <stem>.gt.txt: the corrected text, diplomatic layout (written)
    std::string alto;       // <stem>.gt.alto.xml: ALTO with the corrected strings (written)
    std::string decisions;  // <stem>.review.json: every decision of the reviewer (written)
};

// A page that cannot be reviewed: OCR outputs without the JSON review needs.
struct MissingPage {
    std::string stem;
    std::string found;  // the output that is there, e.g. "f12.alto.xml"
};

class ReviewFolder {
  public:
    // Throws InputError when `dir` is not a folder.
    explicit ReviewFolder(const std::string& dir);

    // The folder, as an absolute path with symbolic links resolved.
    const std::string& root() const { return root_; }

    // Every page below the folder, sorted by stem. Files reached through symbolic links that
    // lead out of the folder are not pages of it.
    std::vector<PageFiles> pages() const;
    // Outputs of scanfix run that have no JSON beside them (so review cannot show them).
    std::vector<MissingPage> pages_without_json() const;

    // The files of page `stem`, or nothing when `stem` names no page of the folder: an absolute
    // path, "..", ".", an empty part, a backslash or a control character, a file that is not
    // there, or one whose real path lies outside the folder.
    std::optional<PageFiles> find(const std::string& stem) const;

    // True when `path` exists and its real path lies inside the folder (symbolic links
    // resolved); review reads no file of the folder for which this is false.
    bool holds(const std::string& path) const;

  private:
    std::string root_;
};

}  // namespace scanfix::review
