// Colour-ink detection in Lab against the paper colour; see color_separation.hpp.
#include "scanfix/ocr/color_separation.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/character_size.hpp"

namespace scanfix {

namespace {

// Median of a channel over the pixels selected by `mask`.
double masked_median(const cv::Mat& channel, const cv::Mat& mask) {
    int hist[256] = {0};
    int n = 0;
    for (int y = 0; y < channel.rows; ++y) {
        const uchar* c = channel.ptr<uchar>(y);
        const uchar* m = mask.ptr<uchar>(y);
        for (int x = 0; x < channel.cols; ++x)
            if (m[x]) ++hist[c[x]], ++n;
    }
    for (int v = 0, seen = 0; v < 256; ++v)
        if ((seen += hist[v]) * 2 >= n) return v;
    return 128;
}

// Keeps the components of `weak` that contain at least one pixel of `strong`.
cv::Mat hysteresis(const cv::Mat& weak, const cv::Mat& strong) {
    cv::Mat labels;
    int n = cv::connectedComponents(weak, labels, 8, CV_32S);
    std::vector<uint8_t> keep(n, 0);
    for (int y = 0; y < labels.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        const uchar* s = strong.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x)
            if (s[x]) keep[l[x]] = 1;
    }
    keep[0] = 0;
    cv::Mat out(weak.size(), CV_8UC1);
    for (int y = 0; y < labels.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        uchar* o = out.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x) o[x] = keep[l[x]] ? 255 : 0;
    }
    return out;
}

}  // namespace

ColoredInk find_colored_ink(const cv::Mat& bgr, int dpi, const ColorSeparationParams& p) {
    ColoredInk result;
    if (bgr.empty() || bgr.channels() != 3 || bgr.depth() != CV_8U) return result;
    // Ink on paper multiplies the paper colour. Dividing by the paper colour (yellowed, greyish,
    // lit by a warm lamp) leaves the ink's own colour: black type becomes neutral grey, while
    // violet, blue and red stay colourful.
    cv::Mat gray;
    cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    double g_median = masked_median(gray, cv::Mat(gray.size(), CV_8UC1, cv::Scalar(1)));
    cv::Mat paper = gray >= g_median;
    std::vector<cv::Mat> bgr_ch;
    cv::split(bgr, bgr_ch);
    for (auto& c : bgr_ch) c.convertTo(c, CV_8U, 255.0 / std::max(1.0, masked_median(c, paper)));
    cv::Mat balanced, lab;
    cv::merge(bgr_ch, balanced);
    cv::cvtColor(balanced, lab, cv::COLOR_BGR2Lab);
    std::vector<cv::Mat> ch;
    cv::split(lab, ch);
    double l_median = masked_median(ch[0], paper);
    cv::Mat da, db, chroma;
    ch[1].convertTo(da, CV_32F, 1, -128);
    ch[2].convertTo(db, CV_32F, 1, -128);
    cv::magnitude(da, db, chroma);

    // Ink: clearly darker than the paper, whatever its colour.
    cv::Mat ink = ch[0] < 0.75 * l_median;
    cv::Mat neutral_dark = (ch[0] < p.dark_limit) & (chroma < p.min_chroma);
    cv::Mat strong = (chroma >= p.min_chroma) & ~neutral_dark;
    cv::Mat weak = (chroma >= 0.5 * p.min_chroma) & ~neutral_dark;
    cv::Mat mask = hysteresis(weak, strong);
    // The anti-aliased rim of a coloured stroke is paler than its core; take it along, but
    // never a dark neutral pixel (typed ink under the stamp).
    cv::dilate(mask, mask, cv::Mat());
    mask &= ~neutral_dark;

    int ink_pixels = cv::countNonZero(ink);
    int colored_ink = cv::countNonZero(ink & mask);
    result.share_of_ink = ink_pixels ? double(colored_ink) / ink_pixels : 0;
    result.typing_is_colored = result.share_of_ink > p.max_colored_share;
    if (result.typing_is_colored) return result;
    result.mask = mask;

    cv::Mat closed;
    int k = std::max(3, int(mm_to_px(1.0, dpi)) | 1);
    cv::morphologyEx(mask, closed, cv::MORPH_CLOSE,
                     cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double stamp_px = mm_to_px(p.stamp_mm, dpi);
    for (const auto& c : contours) {
        cv::Rect r = cv::boundingRect(c);
        if (std::max(r.width, r.height) >= stamp_px) result.stamps.push_back(r);
    }
    return result;
}

void fade_colored_ink(cv::Mat& gray, const ColoredInk& ink) {
    if (ink.mask.empty() || ink.typing_is_colored) return;
    CV_Assert(gray.size() == ink.mask.size() && gray.type() == CV_8UC1);
    gray.setTo(255, ink.mask);
}

}  // namespace scanfix
