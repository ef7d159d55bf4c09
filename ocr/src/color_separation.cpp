// Colour-ink detection in Lab against the paper colour; see color_separation.hpp.
#include "scanfix/ocr/color_separation.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/border.hpp"
#include "scanfix/ocr/character_size.hpp"
#include "shrink.hpp"

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

// The paper's colour, measured in blocks: photographs and scans under uneven light tint one
// side of a sheet yellow or blue, and one colour for the whole page made the type on the tinted
// side look coloured.
struct Paper {
    cv::Mat ab;      // Lab a/b of the paper (0 = neutral) per pixel of the search image, CV_32FC2
    double l = 255;  // Lab L (0..255) of the paper, the whole page's
};

// Paper of the search image `lab`: in blocks of `block` pixels, the median colour of the brighter
// half of the pixels, smoothed by the median of the blocks around (a block that a dense stamp
// fills takes its neighbours' colour), then spread over the image.
Paper measure_paper(const cv::Mat& lab, int block) {
    std::vector<cv::Mat> ch;
    cv::split(lab, ch);
    Paper paper;
    const double median = masked_median(ch[0], cv::Mat(ch[0].size(), CV_8UC1, cv::Scalar(1)));
    paper.l = masked_median(ch[0], ch[0] >= median);
    const int cols = std::max(1, (lab.cols + block / 2) / block);
    const int rows = std::max(1, (lab.rows + block / 2) / block);
    cv::Mat a(rows, cols, CV_8UC1), b(rows, cols, CV_8UC1);
    for (int by = 0; by < rows; ++by)
        for (int bx = 0; bx < cols; ++bx) {
            const int x0 = bx * lab.cols / cols, x1 = (bx + 1) * lab.cols / cols;
            const int y0 = by * lab.rows / rows, y1 = (by + 1) * lab.rows / rows;
            const cv::Rect r(x0, y0, x1 - x0, y1 - y0);
            const cv::Mat l = ch[0](r);
            const cv::Mat bright = l >= masked_median(l, cv::Mat(l.size(), CV_8UC1, 1));
            a.at<uchar>(by, bx) = uchar(masked_median(ch[1](r), bright));
            b.at<uchar>(by, bx) = uchar(masked_median(ch[2](r), bright));
        }
    if (rows >= 3 && cols >= 3) {
        cv::medianBlur(a, a, 3);
        cv::medianBlur(b, b, 3);
    }
    cv::Mat ab;
    cv::merge(std::vector<cv::Mat>{a, b}, ab);
    ab.convertTo(ab, CV_32FC2, 1.0, -128.0);
    cv::resize(ab, paper.ab, lab.size(), 0, 0, cv::INTER_LINEAR);
    return paper;
}

// The colour of every pixel as its offset in the Lab a/b plane from the line between neutral
// grey and the colour of the paper under it (CV_32FC2). Typed ink is a mix of a neutral dark
// ribbon and the paper it sits on, so its a/b values lie on that line, however yellow the
// paper; a stamp or pencil mark in violet, blue or red lies off it. (Dividing by the paper
// colour instead would tint black type on yellow paper blue, because real ink does not multiply
// the paper colour.) `lab` is the part of the page at `origin` (full-resolution pixels);
// `to_search` scales full-resolution pixels to those of the paper's search image.
cv::Mat off_paper_colour(const cv::Mat& lab, const Paper& paper, cv::Point origin,
                         double to_search) {
    // A paper stain may be a little more saturated than the paper itself.
    const float t_max = 1.5f;
    cv::Mat out(lab.size(), CV_32FC2);
    const int max_x = paper.ab.cols - 1, max_y = paper.ab.rows - 1;
    for (int y = 0; y < lab.rows; ++y) {
        const cv::Vec3b* l = lab.ptr<cv::Vec3b>(y);
        cv::Vec2f* o = out.ptr<cv::Vec2f>(y);
        const cv::Vec2f* row =
            paper.ab.ptr<cv::Vec2f>(std::min(max_y, int((origin.y + y) * to_search)));
        for (int x = 0; x < lab.cols; ++x) {
            const cv::Vec2f pab = row[std::min(max_x, int((origin.x + x) * to_search))];
            const float pa = pab[0], pb = pab[1], pp = pa * pa + pb * pb;
            float a = l[x][1] - 128.f, b = l[x][2] - 128.f;
            float t = pp > 1.f ? std::clamp((a * pa + b * pb) / pp, 0.f, t_max) : 0.f;
            o[x] = {a - t * pa, b - t * pb};
        }
    }
    return out;
}

struct InkMasks {
    cv::Mat colored, ink;  // 255 where coloured ink / any ink
    cv::Mat offset;        // off_paper_colour()
};

// The coloured-ink test on one image (any resolution). Without `hue`: strong colour, grown by
// hysteresis into weaker colour. With `hue` (the offset of one stamp's ink): any pixel whose
// colour points the same way, however faint, for the pale parts of a stamp. Never a dark
// neutral pixel (type under a stamp).
InkMasks classify_lab(const cv::Mat& lab, const Paper& paper, cv::Point origin, double to_search,
                      const ColorSeparationParams& p, cv::Point2f hue = {}) {
    InkMasks m;
    m.offset = off_paper_colour(lab, paper, origin, to_search);
    std::vector<cv::Mat> ab;
    cv::split(m.offset, ab);
    cv::Mat chroma, l;
    cv::magnitude(ab[0], ab[1], chroma);
    cv::extractChannel(lab, l, 0);
    const cv::Mat neutral_dark = (l < p.dark_limit) & (chroma < p.min_chroma);
    const double hue_len = std::hypot(hue.x, hue.y);
    if (hue_len > 0) {
        // Along and across the stamp's colour direction.
        cv::Mat along = (ab[0] * hue.x + ab[1] * hue.y) / hue_len;
        cv::Mat across = cv::abs(ab[1] * hue.x - ab[0] * hue.y) / hue_len;
        // Pale stamp ink is colourful for its lightness; type from a tinted ribbon is not.
        cv::Mat darkness;
        l.convertTo(darkness, CV_32F, -1.0, paper.l);
        m.colored = (along >= p.faint_share * p.min_chroma) & (across <= along) &
                    (along >= p.min_tint * darkness);
    } else {
        cv::Mat strong = chroma >= p.min_chroma;
        cv::Mat weak = chroma >= 0.5 * p.min_chroma;
        m.colored = hysteresis(weak & ~neutral_dark, strong & ~neutral_dark);
        // The anti-aliased rim of a coloured stroke is paler than its core; take it along.
        cv::dilate(m.colored, m.colored, cv::Mat());
    }
    m.colored &= ~neutral_dark;
    m.ink = l < 0.75 * paper.l;
    return m;
}

// The same test on a part `r` of the full-resolution page `bgr`.
InkMasks classify(const cv::Mat& bgr, const cv::Rect& r, const Paper& paper, double to_search,
                  const ColorSeparationParams& p, cv::Point2f hue = {}) {
    cv::Mat lab;
    cv::cvtColor(bgr(r), lab, cv::COLOR_BGR2Lab);
    return classify_lab(lab, paper, r.tl(), to_search, p, hue);
}

// The ink of the typed lines on the search image: letter-sized marks standing in rows. Returns
// the share of it that is coloured (-1 without lines); `typed` becomes 255 on those marks.
double typing_colour(const InkMasks& m, int dpi, cv::Mat& typed_mask) {
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(m.ink, labels, stats, centroids, 8, CV_32S);
    const int min_h = std::max(3, int(mm_to_px(0.8, dpi))), max_h = int(mm_to_px(6.0, dpi)) + 1;
    std::vector<cv::Rect> marks;
    std::vector<int> label_of;
    for (int i = 1; i < n; ++i) {
        const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
        if (h < min_h || h > max_h || w > 3 * h) continue;
        marks.emplace_back(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP), w,
                           h);
        label_of.push_back(i);
    }
    const std::vector<bool> rows = in_rows_of_letters(marks, m.ink.size(), max_h);
    std::vector<uint8_t> typed(n, 0);
    int typed_marks = 0;
    for (size_t k = 0; k < marks.size(); ++k)
        if (rows[k]) typed[label_of[k]] = 1, ++typed_marks;
    typed_mask = cv::Mat::zeros(m.ink.size(), CV_8UC1);
    if (typed_marks < 20) return -1;
    double all = 0, colored = 0;
    for (int y = 0; y < labels.rows; ++y) {
        const int* l = labels.ptr<int>(y);
        const uchar* c = m.colored.ptr<uchar>(y);
        uchar* t = typed_mask.ptr<uchar>(y);
        for (int x = 0; x < labels.cols; ++x) {
            if (!typed[l[x]]) continue;
            t[x] = 255;
            ++all;
            colored += c[x] != 0;
        }
    }
    return all > 0 ? colored / all : -1;
}

cv::Rect scaled(const cv::Rect& r, double f) {
    return {int(r.x * f), int(r.y * f), int(std::ceil(r.width * f)), int(std::ceil(r.height * f))};
}

cv::Rect grown(const cv::Rect& r, int by) {
    return {r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by};
}

// A step that removes ink must be sure it is not text: coloured pixels of marks that stand in
// the rows of typed letters (a blue ribbon whose strokes are partly dark, partly blue) are the
// typing, and stay, unless they are of a stamp's colour (`stamp_colour`, 255 on the pixels of
// each stamp's colour within its reach: its lettering stands in rows too). Blue typing under a
// red stamp keeps its letters.
void keep_typed_letters(ColoredInk& result, const cv::Mat& typed_small, double scale,
                        const cv::Mat& stamp_colour) {
    if (typed_small.empty() || cv::countNonZero(typed_small) == 0) return;
    cv::Mat typed;
    cv::resize(typed_small, typed, result.mask.size(), 0, 0, cv::INTER_NEAREST);
    // The search image is coarse: a letter's box at full resolution reaches a little further.
    const int grow = std::max(1, int(std::ceil(1 / scale)));
    cv::dilate(typed, typed,
               cv::getStructuringElement(cv::MORPH_RECT, {2 * grow + 1, 2 * grow + 1}));
    typed.setTo(0, stamp_colour);
    result.mask.setTo(0, typed);
}

}  // namespace

ColoredInk find_colored_ink(const cv::Mat& bgr, int dpi, const ColorSeparationParams& p) {
    ColoredInk result;
    if (bgr.empty() || bgr.channels() != 3 || bgr.depth() != CV_8U) return result;
    // The search runs at about 100 dpi, where a stamp stroke is still a few pixels wide; only
    // the areas it finds are looked at again at full resolution.
    const double scale = std::min(1.0, 100.0 / std::max(1, dpi));
    cv::Mat small;
    shrink(bgr, small, scale, cv::INTER_AREA);
    cv::Mat lab;
    cv::cvtColor(small, lab, cv::COLOR_BGR2Lab);
    const Paper paper = measure_paper(lab, std::max(8, int(std::lround(dpi * scale))));

    InkMasks coarse = classify_lab(lab, paper, {}, 1.0, p);
    int ink_pixels = cv::countNonZero(coarse.ink);
    int colored_ink = cv::countNonZero(coarse.ink & coarse.colored);
    result.share_of_ink = ink_pixels ? double(colored_ink) / ink_pixels : 0;
    cv::Mat typed;
    result.share_of_typing = typing_colour(coarse, int(std::lround(dpi * scale)), typed);
    // Coloured typing is kept whole: on it, a mark of another shade is far more often the
    // typing itself (a worn ribbon, ink soaked into tinted paper) than a stamp.
    result.typing_is_colored = result.share_of_typing >= 0
                                   ? result.share_of_typing > p.max_colored_share
                                   : result.share_of_ink > p.max_colored_share;
    if (result.typing_is_colored) return result;
    if (colored_ink == 0 && cv::countNonZero(coarse.colored) == 0) return result;

    const cv::Rect whole(0, 0, bgr.cols, bgr.rows);
    result.mask = cv::Mat::zeros(bgr.size(), CV_8UC1);
    // Every coloured mark again at full resolution, in its box grown by a millimetre.
    const int mm = std::max(2, int(mm_to_px(1.0, dpi)));
    std::vector<std::vector<cv::Point>> contours;
    cv::findContours(coarse.colored, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    for (const auto& c : contours) {
        cv::Rect r = grown(scaled(cv::boundingRect(c), 1 / scale), mm) & whole;
        if (r.area() == 0) continue;
        result.mask(r) |= classify(bgr, r, paper, scale, p).colored;
    }

    // Stamps: marks that, closed over a millimetre, span stamp_mm. A stamp is often inked
    // unevenly; its pale parts are found by their colour direction, as far from its strong
    // part as that part is large.
    cv::Mat closed;
    const int k = std::max(3, int(mm_to_px(1.0, dpi) * scale) | 1);
    const cv::Mat close_kernel = cv::getStructuringElement(cv::MORPH_RECT, {k, k});
    const int kf = std::max(3, int(mm_to_px(1.0, dpi)) | 1);
    const cv::Mat full_kernel = cv::getStructuringElement(cv::MORPH_RECT, {kf, kf});
    cv::morphologyEx(coarse.colored, closed, cv::MORPH_CLOSE, close_kernel);
    cv::findContours(closed, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
    const double stamp_px = mm_to_px(p.stamp_mm, dpi) * scale;
    const cv::Rect small_whole(0, 0, small.cols, small.rows);
    cv::Mat stamp_colour = cv::Mat::zeros(bgr.size(), CV_8UC1);
    for (const auto& c : contours) {
        const cv::Rect seed_box = cv::boundingRect(c);
        // A stamp is round or boxy; a long thin mark (a pencil line) is faded but is no stamp.
        if (std::max(seed_box.width, seed_box.height) < stamp_px ||
            std::min(seed_box.width, seed_box.height) < stamp_px / 2)
            continue;
        const cv::Scalar seed_colour = cv::mean(coarse.offset(seed_box), coarse.colored(seed_box));
        const cv::Point2f hue{float(seed_colour[0]), float(seed_colour[1])};
        // The rings and lettering of a stamp need not touch, so its pale parts are looked for
        // in a reach around the strong part: the part's own size, or three stamp sizes.
        const int reach_px = std::max(int(std::max(seed_box.width, seed_box.height) / scale),
                                      int(3 * mm_to_px(p.stamp_mm, dpi)));
        const cv::Rect reach = grown(scaled(seed_box, 1 / scale), reach_px) & whole;
        const cv::Mat same = classify(bgr, reach, paper, scale, p, hue).colored;
        result.mask(reach) |= same;
        stamp_colour(reach) |= same;
        // The Stamp region (words in it may be dropped as stamp text): the strong part and the
        // pieces of its colour, two millimetres long or more, that reach within a quarter of its
        // size (not the next stamp over).
        const cv::Rect strong_part = scaled(seed_box, 1 / scale) & whole;
        const cv::Rect near =
            grown(strong_part, std::max(strong_part.width, strong_part.height) / 4);
        cv::Rect extent = strong_part;
        cv::Mat pieces;
        cv::morphologyEx(same, pieces, cv::MORPH_CLOSE, full_kernel);
        for (const auto& piece : mask_boxes(pieces)) {
            const cv::Rect b = piece + reach.tl();
            if (std::max(b.width, b.height) >= 2 * kf && (b & near).area() > 0) extent |= b;
        }
        extent &= near;
        result.stamps.push_back(extent);
    }
    keep_typed_letters(result, typed, scale, stamp_colour);
    return result;
}

void fade_colored_ink(cv::Mat& gray, const ColoredInk& ink) {
    if (ink.mask.empty() || ink.typing_is_colored) return;
    CV_Assert(gray.size() == ink.mask.size() && gray.type() == CV_8UC1);
    gray.setTo(255, ink.mask);
}

}  // namespace scanfix
