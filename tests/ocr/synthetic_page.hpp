// Small typewritten-looking pages drawn in the tests: lines of Hershey-font text on white,
// with a known character height, so preprocessing steps can be checked against what was drawn.
#pragma once

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

namespace scanfix::test {

// Line spacing and glyph size of the drawn text at scale 1 (about 2.5 mm type at 200 dpi).
constexpr int kLineStep = 44;
constexpr double kFontScale = 0.8;
constexpr int kStroke = 2;

// A grey page of `size` with text lines inside `column`; text 0 on 255.
inline cv::Mat draw_text_page(cv::Size size, cv::Rect column) {
    cv::Mat page(size, CV_8UC1, cv::Scalar(255));
    static const char* kWords[] = {"Telegram",   "Moskau", "zone",     "archive", "report",
                                   "1949",       "Nr.",    "Berlin",   "copy",    "signed",
                                   "Kopenhagen", "Praha",  "minister", "answer"};
    int w = 0;
    for (int y = column.y + kLineStep; y < column.y + column.height; y += kLineStep) {
        std::string line;
        int baseline = 0;
        for (;;) {
            std::string next = line + (line.empty() ? "" : " ") + kWords[w % 14];
            cv::Size s =
                cv::getTextSize(next, cv::FONT_HERSHEY_SIMPLEX, kFontScale, kStroke, &baseline);
            if (s.width > column.width) break;
            line = next;
            ++w;
        }
        cv::putText(page, line, {column.x, y}, cv::FONT_HERSHEY_SIMPLEX, kFontScale, cv::Scalar(0),
                    kStroke, cv::LINE_AA);
    }
    return page;
}

inline cv::Mat draw_text_page() {
    return draw_text_page({1200, 1600}, {150, 150, 900, 1300});
}

// `image` rotated counter-clockwise by `degrees` about its centre, corners white.
inline cv::Mat skew_page(const cv::Mat& image, double degrees) {
    cv::Mat m =
        cv::getRotationMatrix2D(cv::Point2f(image.cols / 2.f, image.rows / 2.f), degrees, 1);
    cv::Mat out;
    cv::warpAffine(image, out, m, image.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar::all(255));
    return out;
}

// Share of black (0) pixels in `binary`.
inline double ink_share(const cv::Mat& binary) {
    return double(cv::countNonZero(binary == 0)) / double(binary.total());
}

// Area of the largest 8-connected black component.
inline int largest_black_area(const cv::Mat& binary) {
    cv::Mat labels, stats, centroids;
    int n = cv::connectedComponentsWithStats(binary == 0, labels, stats, centroids, 8, CV_32S);
    int best = 0;
    for (int i = 1; i < n; ++i) best = std::max(best, stats.at<int>(i, cv::CC_STAT_AREA));
    return best;
}

}  // namespace scanfix::test
