// The page the emit tests write in every format: two blocks, a removed noise word, markup
// characters to escape, confidences, quality estimates, and a decision in the log.
#pragma once

#include "scanfix/core/page.hpp"

namespace scanfix::test {

inline Page sample_page() {
    Page page;
    page.source = "/scans/folio-7.png";
    page.binary = cv::Mat(1000, 800, CV_8UC1, cv::Scalar(255));
    Line a;
    a.box = {100, 100, 500, 40};
    a.words = {Word{"Строго", {100, 100, 200, 40}, 91.5f},
               Word{"<секретно>", {320, 100, 280, 40}, 80}};
    Line noise;
    noise.box = {10, 300, 40, 30};
    noise.words = {Word{"вд", {10, 300, 40, 30}, 20}};
    noise.words[0].removed = true;
    Line b;
    b.block = 1;
    b.box = {100, 400, 300, 40};
    b.words = {Word{"Ким", {100, 400, 100, 40}, 95}, Word{"&", {220, 400, 20, 40}, 60}};
    a.quality.score = 0.87;
    a.quality.characters = 14;
    page.lines = {a, noise, b};
    page.quality.score = 0.81;
    page.quality.characters = 18;
    page.log.push_back(
        {"margin_column", "removed", "stacked short tokens", "вд", "", 1, 0, noise.box});
    return page;
}

}  // namespace scanfix::test
