// Aged paper; see paper.hpp.
#include "paper.hpp"

#include <cmath>
#include <opencv2/imgproc.hpp>

#include "ink.hpp"

namespace scanfix::samples {

cv::Mat make_paper(cv::Size size, double strength, Rng& rng) {
    if (strength <= 0) return cv::Mat(size, CV_32FC3, cv::Scalar::all(0.97));
    // Yellowed tone: blue absorbed most, red least.
    const double tint = 0.05 + 0.12 * strength * rng.uniform(0.7, 1.0);
    const cv::Vec3f base(static_cast<float>(0.96 - tint), static_cast<float>(0.965 - tint * 0.45),
                         static_cast<float>(0.97 - tint * 0.15));
    cv::Mat stains = smooth_noise(size, 6, rng);
    cv::Mat light = smooth_noise(size, 2, rng);
    const double angle = rng.uniform(0, 6.283185307179586);
    const double gx = std::cos(angle), gy = std::sin(angle);
    const double half_diag = 0.5 * std::hypot(size.width, size.height);
    cv::Mat paper(size, CV_32FC3);
    for (int y = 0; y < size.height; ++y) {
        const float* s = stains.ptr<float>(y);
        const float* l = light.ptr<float>(y);
        cv::Vec3f* p = paper.ptr<cv::Vec3f>(y);
        const double ny = (y - size.height * 0.5) / (size.height * 0.5);
        for (int x = 0; x < size.width; ++x) {
            const double nx = (x - size.width * 0.5) / (size.width * 0.5);
            double gradient =
                ((x - size.width * 0.5) * gx + (y - size.height * 0.5) * gy) / half_diag;
            const double edge = std::max(std::abs(nx), std::abs(ny)), edge2 = edge * edge;
            const double rim = edge2 * edge2 * edge2;  // dark only close to the edges
            double shade = 1.0 - strength * (0.06 * gradient + 0.05 * (l[x] - 0.5) +
                                             0.12 * std::max(0.0, s[x] - 0.6) + 0.10 * rim);
            p[x] = base * static_cast<float>(shade);
        }
    }
    // Paper grain: fibres a few pixels wide rather than pixel noise (which also bloats JPEGs).
    cv::RNG cv_rng(static_cast<std::uint64_t>(rng.unit() * 4294967296.0));
    cv::Mat grain(size, CV_32FC1);
    cv_rng.fill(grain, cv::RNG::NORMAL, 0.0, 0.015 * (0.5 + strength));
    cv::GaussianBlur(grain, grain, cv::Size(0, 0), 1.2);
    cv::Mat grain3;
    cv::merge(std::vector<cv::Mat>{grain, grain, grain}, grain3);
    paper += grain3;
    return paper;
}

}  // namespace scanfix::samples
