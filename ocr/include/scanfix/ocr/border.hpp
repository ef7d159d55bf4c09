// Dark scanner borders: the lid, the platen edge or the table around a page show up as black
// areas touching the image edge. They are found on the grey page before the illumination step
// (which would otherwise turn them into grey noise) and again as long dark edge strokes on the
// binary page; both are set to paper. Punch holes are in punch_holes.hpp.
#pragma once

#include <opencv2/core.hpp>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/ocr/components.hpp"

namespace scanfix {

struct BorderParams {
    bool enabled = true;
    double darkness = 0.3;     // darker than this share of the paper brightness is not paper
    double min_mm = 1.0;       // thinner dark areas along the edge are left alone
    double edge_length = 0.2;  // a dark stroke along the edge this long (share of the side)
                               // on the binary page is a page edge, not writing
    double edge_mm = 3.0;      // how close to the image edge such a stroke runs

    template <class V>
    void describe(V& v) {
        v("enabled", enabled, "remove dark scanner borders and black page edges");
        v("darkness", darkness, 0.05, 0.95,
          "share of the paper brightness below which an area at the edge is border");
        v("min_mm", min_mm, 0.0, 50.0, "narrowest dark area along the edge counted as border (mm)");
        v("edge_length", edge_length, 0.02, 1.0,
          "share of the page side a dark stroke along the edge must span to be removed");
        v("edge_mm", edge_mm, 0.0, 30.0,
          "distance from the image edge of removed edge strokes (mm)");
    }
    void validate() const {}
};

// The brightness of the paper: a high percentile of the grey page, so that text and borders
// do not pull it down.
double paper_brightness(const cv::Mat& gray);

// Dark areas connected to the image edge of the grey page, at full resolution (255 = border).
cv::Mat find_dark_border(const cv::Mat& gray, int dpi, double paper, const BorderParams& p);

// Sets to white the dark components of `binary` that run along a good part of the image edge
// within p.edge_mm of it (the shadow of the paper edge), or fill a large block touching it;
// returns their boxes.
std::vector<cv::Rect> remove_edge_strokes(cv::Mat& binary, int dpi, int character_height,
                                          const BorderParams& p);

// The same test on components already labelled: sets drop[label] for each edge stroke of a
// page of size `page` and returns their boxes; nothing is erased.
std::vector<cv::Rect> find_edge_strokes(const InkComponents& components, cv::Size page, int dpi,
                                        int character_height, const BorderParams& p,
                                        std::vector<uint8_t>& drop);

// Boxes describing a border mask: the strips between the image edge and the paper, and any
// dark blob reaching into the paper's box.
std::vector<cv::Rect> border_boxes(const cv::Mat& border);

// Bounding boxes of the connected areas of a mask (255), one per area.
std::vector<cv::Rect> mask_boxes(const cv::Mat& mask);

}  // namespace scanfix
