// Specks judged by their darkness against the page's type; see faint_specks.hpp.
#include "scanfix/ocr/faint_specks.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace scanfix {

std::vector<int> darkest_values(const InkComponents& c, const cv::Mat& gray) {
    CV_Assert(gray.type() == CV_8UC1 && gray.size() == c.labels.size());
    std::vector<int> darkest(c.count, 255);
    for (int y = 0; y < gray.rows; ++y) {
        const int* l = c.labels.ptr<int>(y);
        const uchar* g = gray.ptr<uchar>(y);
        for (int x = 0; x < gray.cols; ++x)
            if (l[x] && g[x] < darkest[l[x]]) darkest[l[x]] = g[x];
    }
    return darkest;
}

namespace {
// How far the paper round component `i` (a ring `ring` pixels wide, other ink left out) is
// from white, by its median: dust lies on clean paper, a pale piece of type in the grey haze of
// its stroke. The median ignores the edge of a letter that happens to be in the ring.
double surround_contrast(const InkComponents& c, const cv::Mat& gray, int i, int ring) {
    const cv::Rect b = c.box(i);
    const cv::Rect around =
        cv::Rect(b.x - ring, b.y - ring, b.width + 2 * ring, b.height + 2 * ring) &
        cv::Rect(0, 0, gray.cols, gray.rows);
    int histogram[256] = {};
    int n = 0;
    for (int y = around.y; y < around.y + around.height; ++y) {
        const int* l = c.labels.ptr<int>(y);
        const uchar* g = gray.ptr<uchar>(y);
        for (int x = around.x; x < around.x + around.width; ++x)
            if (l[x] == 0) ++histogram[g[x]], ++n;
    }
    for (int v = 0, seen = 0; v < 256; ++v)
        if ((seen += histogram[v]) * 2 >= n && n > 0) return 255.0 - v;
    return 0.0;
}

}  // namespace

int type_darkness(const InkComponents& c, const std::vector<int>& darkest, int character_height) {
    const int ch = std::max(4, character_height);
    std::vector<int> letters;
    for (int i = 1; i < c.count; ++i)
        if (letter_sized(c.box(i), ch)) letters.push_back(darkest[i]);
    return letters.empty() ? 255 : median_of(std::move(letters));
}

std::vector<cv::Rect> find_faint_specks(const InkComponents& c, const cv::Mat& gray,
                                        int character_height, const FaintSpeckParams& p,
                                        std::vector<uint8_t>& drop) {
    drop.resize(c.count, 0);
    std::vector<cv::Rect> found;
    const std::vector<int> darkest = darkest_values(c, gray);
    const int type = type_darkness(c, darkest, character_height);
    const double type_contrast = 255.0 - type;
    if (type_contrast <= 0) return found;
    const int ch = std::max(4, character_height);
    const double limit = p.max_size * ch;
    // The boxes of the letters: a pale mark inside one is a piece of that letter (worn or
    // broken type), not dust, however pale.
    cv::Mat letters;
    if (p.keep_inside_letters) {
        letters = cv::Mat::zeros(c.labels.size(), CV_8UC1);
        for (int i = 1; i < c.count; ++i)
            if (!drop[i] && letter_sized(c.box(i), ch)) letters(c.box(i)).setTo(255);
    }
    const int ring = std::max(1, int(p.ring * ch));
    std::vector<int> pale;
    for (int i = 1; i < c.count; ++i) {
        if (drop[i]) continue;
        const cv::Rect b = c.box(i);
        if (std::max(b.width, b.height) > limit) continue;
        if (255.0 - darkest[i] >= p.contrast_share * type_contrast) continue;
        if (!letters.empty() && cv::countNonZero(letters(b)) > 0) continue;
        if (surround_contrast(c, gray, i, ring) > p.surround_share * type_contrast) continue;
        pale.push_back(i);
    }
    for (int i : pale) {
        drop[i] = 1;
        found.push_back(c.box(i));
    }
    return found;
}

void erase_from_gray(cv::Mat& gray, const cv::Mat& binary, const InkComponents& c,
                     const std::vector<uint8_t>& marked, int rim) {
    paint_paper(gray, binary, component_mask(c, marked), rim);
}

}  // namespace scanfix
