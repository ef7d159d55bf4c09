// What the pipeline tests share: words and lines with boxes, the first page generated from a
// text of the source tree, and a generated page read and cleaned with the default profile.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "page_generator.hpp"
#include "scanfix/pipeline/pipeline.hpp"
#include "test_paths.hpp"

namespace scanfix::test {

inline Word word(const std::string& text, cv::Rect box, float confidence) {
    Word w;
    w.text = text;
    w.box = box;
    w.confidence = confidence;
    return w;
}

// A line of these words, its box theirs.
inline Line line_of(std::vector<Word> words) {
    Line l;
    l.words = std::move(words);
    for (const Word& w : l.words) l.box = l.box.area() > 0 ? (l.box | w.box) : w.box;
    return l;
}

inline samples::GeneratedPage first_page(const std::string& text_file,
                                         const samples::PageSettings& s) {
    const std::string text = samples::read_source_text(source_dir() + "/" + text_file);
    auto pages = samples::generate_text(text, s);
    REQUIRE_FALSE(pages.empty());
    return pages.front();
}

// The page image read and cleaned as `scanfix run` would with the default profile.
inline Document read_generated(const cv::Mat& image) {
    const Profile profile = Profile::load("default", source_dir() + "/profiles");
    Context ctx;
    ctx.data_dir = source_dir();
    Pipeline pipeline(profile, ctx);
    Document doc(1);
    doc[0].source = "generated.png";
    doc[0].image = image;
    doc[0].source_size = image.size();
    pipeline.reader()->read(doc[0]);
    pipeline.clean(doc);
    return doc;
}

}  // namespace scanfix::test
