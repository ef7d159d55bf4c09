// Preprocessing as data: every step is a named registry entry with one interface, reading and
// writing the shared state of one page (PreprocessState); the profile's preprocess.steps list
// picks which steps run and in what order, and the runner (preprocess.cpp) records each step's
// notes, time and debug images. The steps themselves live in the preprocess_*_steps.cpp files.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

// What the steps of one page share. Boxes are in the coordinates of `gray` (and `binary`).
class PreprocessState {
  public:
    explicit PreprocessState(Page& page);

    Page& page;
    cv::Mat color;   // the page as loaded, or the sheet cut from a photo (BGR or grey)
    cv::Mat gray;    // the working grey page; every step may change it
    cv::Mat binary;  // text 0 on 255; empty until a step binarises
    int dpi = 300;
    double paper = 0;          // brightness of bare paper on `gray` (0 = not measured)
    int character_height = 0;  // full-resolution pixels (0 = not measured)
    cv::Mat rough_binary;      // a global threshold at 1/rough_factor size, for measuring
    int rough_factor = 1;
    cv::Rect column;  // the main text column once found
    bool column_searched = false;
    cv::Matx33d to_source = cv::Matx33d::eye();  // gray pixels → page.image pixels

    // The ink components of `binary`, labelled on first use.
    const InkComponents& ink();
    // Per-component marks on ink(): edge strokes, marks to go from the binary page, marks to go
    // from the grey page as well. Sized with the labelling.
    std::vector<uint8_t> edge, drop, from_gray;
    std::vector<cv::Rect> removed;  // boxes of removed marks, for the overlay
    // Marks components found by a step: gone from the binary page and, with `grey_too`, from
    // the grey page (edge strokes excepted, whose handling is their own).
    void take(const std::vector<uint8_t>& found, bool grey_too);
    // A step that writes pixels of `binary` calls this first: pending component marks are
    // applied and the labelling is dropped, so later steps see the page as it now is.
    void binary_changing();
    // Applies the pending component marks to both pages (the runner does it after the last
    // step).
    void apply_marks();
    // Adds a region and its log entry in one go.
    void add_region(RegionKind kind, const cv::Rect& box, const std::string& note,
                    const char* action = "removed");

    // For the runner: what the running step says and shows.
    void note(const std::string& action, const std::string& reason, const cv::Rect& box = {});
    void show(const std::string& name, const cv::Mat& image);
    struct Shown {
        std::string name;
        cv::Mat image;
    };
    std::vector<Shown> shown;  // debug images of the running step, taken by the runner
    std::string step;          // name of the running step
    bool debugging = false;    // debug images are wanted (else show() keeps nothing)

  private:
    std::unique_ptr<InkComponents> ink_;
};

// One preprocessing step: reads its parameters once, then prepares any number of pages.
using PreprocessStepFn = std::function<void(PreprocessState&)>;

struct PreprocessStepInfo {
    std::string name;  // as written in preprocess.steps
    std::string help;  // one line for --print-params and docs
    // What the step needs on the state before it, what it gives the steps after it, and what
    // it leaves unusable: "color" (the colour page matching the grey one; there at the start),
    // "type" (the character height), "binary" (a binarised page), "column" (the text column
    // search ran). The runner checks the order of preprocess.steps against them.
    std::vector<std::string> needs, gives, ends;
    // Builds the step with parameters read from the profile; throws ConfigError.
    std::function<PreprocessStepFn(const Profile&)> make;
    // The parameters it reads, with defaults (under preprocess.<group>).
    std::function<std::vector<ParamSpec>()> params;
};

// Every step scanfix knows, in the default order.
const std::vector<PreprocessStepInfo>& preprocess_steps();
const PreprocessStepInfo* find_preprocess_step(const std::string& name);
// The default order of preprocess.steps (every known step).
std::vector<std::string> default_preprocess_steps();

// Defined by the step files.
std::vector<PreprocessStepInfo> page_frame_steps();  // perspective, border, holes, light, colour
std::vector<PreprocessStepInfo> type_steps();        // type size, deskew, binarisation
std::vector<PreprocessStepInfo> mark_steps();        // rings, rules, edges, specks, dust
std::vector<PreprocessStepInfo> layout_steps();      // text column, margins on the grey page

// A step's parameter reader and describer, for the step files: the struct P under `prefix`.
template <class P>
std::function<std::vector<ParamSpec>()> step_params(const std::string& prefix) {
    return [prefix] { return describe_params<P>(prefix); };
}

}  // namespace scanfix
