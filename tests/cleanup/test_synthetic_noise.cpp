// Synthetic pages: real body text (the seed reference, and the EHRI pages' ALTO lines with their
// boxes when ../shared/data is there) with page noise woven in at random. The noise filters of
// the default profile must leave no noise token and remove less than 0.2% of body characters.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>
#include <regex>
#include <sstream>

#include "filter_test_util.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/text.hpp"
#include "test_paths.hpp"
#include "test_skip.hpp"

using namespace scanfix;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kFilters = {
    "speckle", "margin_column", "page_number", "registration_number", "stamp", "marginalia"};

struct Tally {
    size_t noise_tokens = 0, noise_left = 0;
    size_t body_chars = 0, body_removed = 0;
};

Profile filters_profile() {
    Profile p = Profile::load(test::source_dir() + "/profiles/default.yaml",
                              test::source_dir() + "/profiles");
    p.set_list("cleanup.stages", kFilters);
    return p;
}

void run_filters(Document& doc) {
    static Profile profile = filters_profile();
    Context ctx;
    ctx.profile = &profile;
    ctx.data_dir = test::source_dir();
    run_cleanup(doc, ctx);
}

std::string random_letters(std::mt19937& rng, int n) {
    static const char* const letters[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и", "к", "л",
                                          "м", "н", "о", "п", "р", "с", "т", "у", "х", "ш", "э"};
    std::string s;
    for (int i = 0; i < n; ++i) s += letters[rng() % 22];
    return s;
}

// One noise block of a random kind, as transcription lines.
std::vector<std::string> noise_block(std::mt19937& rng, int page) {
    switch (rng() % 5) {
        case 0:
            return {rng() % 2 ? std::to_string(page) + "." : "- " + std::to_string(page) + " -"};
        case 1:
            return {std::to_string(100000 + rng() % 900000), std::to_string(rng() % 99) + " " +
                                                                 std::to_string(rng() % 9) + "/" +
                                                                 std::to_string(rng() % 99)};
        case 2:
            return {"Экз. №.....", std::to_string(1 + rng() % 9)};
        case 3:
            return {"N " + std::to_string(rng() % 99) + ", III"};
        default: {
            std::vector<std::string> run;
            int n = 5 + int(rng() % 12);
            // Register codes: letter pairs, now and then a single letter (which may be a word).
            for (int i = 0; i < n; ++i) run.push_back(random_letters(rng, rng() % 8 ? 2 : 1));
            return run;
        }
    }
}

std::vector<std::string> seed_paragraphs() {
    std::vector<std::string> v;
    std::istringstream in(test::slurp(test::source_dir() + "/tests/data/seed.gt.txt"));
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) v.push_back(line);
    return v;
}

std::string xml_unescape(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, strlen(from), to);
    return s;
}

struct AltoLine {
    std::string text;
    cv::Rect box;
};

// The TextLines of an ALTO file (their one String each) with their boxes; lines without a
// letter (page numbers) are page furniture, not body.
std::vector<AltoLine> alto_lines(const std::string& path) {
    std::vector<AltoLine> out;
    std::string xml = test::slurp(path);
    static const std::regex line_re(
        "<TextLine[^>]*HPOS=\"(\\d+)\"\\s+VPOS=\"(\\d+)\"\\s+WIDTH=\"(\\d+)\"\\s+HEIGHT=\"(\\d+)"
        "\"");
    static const std::regex content_re("CONTENT=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), line_re);
         it != std::sregex_iterator(); ++it) {
        size_t end = xml.find("</TextLine>", size_t(it->position()));
        std::string chunk = xml.substr(size_t(it->position()), end - size_t(it->position()));
        std::string text;
        for (auto c = std::sregex_iterator(chunk.begin(), chunk.end(), content_re);
             c != std::sregex_iterator(); ++c)
            text += (text.empty() ? "" : " ") + xml_unescape((*c)[1].str());
        bool letter = false;
        for (unsigned char ch : text) letter = letter || ch >= 0x80 || std::isalpha(ch);
        if (!letter) continue;
        out.push_back({to_nfc(text), cv::Rect(std::stoi((*it)[1]), std::stoi((*it)[2]),
                                              std::stoi((*it)[3]), std::stoi((*it)[4]))});
    }
    return out;
}

cv::Rect facts_column(const Page& page) {
    cv::Rect box;
    for (const Line& l : page.lines)
        if (l.words.size() >= 4) box = box.area() ? (box | l.box) : l.box;
    return box;
}

void count(const Document& doc, const std::vector<bool>& noise_lines, Tally& t) {
    size_t li_global = 0;
    for (const Page& page : doc)
        for (const Line& line : page.lines) {
            bool noise_line = noise_lines.at(li_global++);
            for (const Word& w : line.words) {
                bool removed = w.removed || line.removed;
                bool noise = noise_line || w.text == "~" || w.text == "|" || w.text == "·";
                if (noise) {
                    ++t.noise_tokens;
                    t.noise_left += !removed;
                } else {
                    t.body_chars += utf8_length(w.text);
                    t.body_removed += removed ? utf8_length(w.text) : 0;
                    if (removed) WARN("body word removed: " << w.text);
                }
                if (noise && !removed) {
                    WARN("noise kept: " << w.text);
                }
            }
        }
}

}  // namespace

TEST_CASE("synthetic transcriptions: no noise left, almost no body removed") {
    std::mt19937 rng(20240515);
    std::vector<std::string> body = seed_paragraphs();
    REQUIRE(body.size() > 10);
    std::string text;
    std::vector<bool> noise_lines;
    auto add = [&](const std::string& line, bool noise) {
        text += line + "\n";
        noise_lines.push_back(noise);
    };
    for (int round = 0, page = 1; round < 6; ++round) {
        for (size_t i = 0; i < body.size(); ++i) {
            std::string para = body[i];
            // Specks between words now and then.
            if (rng() % 4 == 0) {
                size_t space = para.find(' ', para.size() / 2);
                if (space != std::string::npos)
                    para.insert(space, std::string(" ") + (rng() % 2 ? "~" : "|"));
            }
            add(para, false);
            text += "\n";
            if (rng() % 3 == 0) {
                for (const std::string& l : noise_block(rng, ++page)) add(l, true);
                text += "\n";
            }
        }
        text += "\f";
        add(std::to_string(page) + ".", true);  // page number at the top of the next page
        text += "\n";
    }
    Document doc = document_from_text(text, "synthetic");
    run_filters(doc);
    Tally t;
    count(doc, noise_lines, t);
    INFO("noise tokens " << t.noise_tokens << ", left " << t.noise_left << "; body chars "
                         << t.body_chars << ", removed " << t.body_removed);
    WARN("synthetic transcription: " << t.noise_tokens << " noise tokens, " << t.noise_left
                                     << " left; " << t.body_removed << " of " << t.body_chars
                                     << " body characters removed");
    CHECK(t.noise_tokens > 200);
    CHECK(t.noise_left == 0);
    CHECK(double(t.body_removed) < 0.002 * double(t.body_chars));
}

TEST_CASE("synthetic OCR pages: EHRI body lines with margin, folio, speck and stamp noise") {
    std::string shared = test::shared_data_dir();
    if (shared.empty() || !fs::exists(shared + "/ehri")) {
        SCANFIX_SKIP("../shared/data/ehri not found (or $SCANFIX_SHARED_DATA)");
    }
    std::mt19937 rng(1949);
    Document doc;
    std::vector<bool> noise_lines;
    for (const auto& entry : fs::recursive_directory_iterator(shared + "/ehri")) {
        if (entry.path().extension() != ".xml") continue;
        std::vector<AltoLine> lines = alto_lines(entry.path().string());
        if (lines.size() < 8) continue;
        Page page;
        page.source = entry.path().filename().string();
        int word_h = 0, left = 1 << 30;
        for (const AltoLine& al : lines) {
            Line line;
            line.box = al.box;
            std::istringstream in(al.text);
            std::vector<std::string> words;
            for (std::string w; in >> w;) words.push_back(w);
            size_t chars = 0;
            for (const auto& w : words) chars += utf8_length(w) + 1;
            double per_char = double(al.box.width) / double(std::max<size_t>(chars, 1));
            double x = al.box.x;
            for (const auto& w : words) {
                int width = std::max(4, int(per_char * double(utf8_length(w))));
                line.words.push_back(test::ocr_word(w, int(x), al.box.y, width, al.box.height, 88));
                x += per_char * double(utf8_length(w) + 1);
            }
            word_h = al.box.height;
            left = std::min(left, al.box.x);
            page.lines.push_back(line);
            noise_lines.push_back(false);
        }
        // A column of letter codes beside the text, one per body line from the fourth line on:
        // in the left margin when there is room for it, else in the right one.
        int right = 0;
        for (const Line& l : page.lines) right = std::max(right, l.box.x + l.box.width);
        int margin_x = left > 4 * word_h ? left - 3 * word_h : right + 2 * word_h;
        for (size_t i = 3; i < page.lines.size() && i < 12; ++i) {
            Line& line = page.lines[i];
            line.words.insert(line.words.begin(),
                              test::ocr_word(random_letters(rng, 2), margin_x + int(rng() % 10),
                                             line.box.y, word_h, word_h, 70.5));
        }
        // Specks above a line, a folio number under the text, a marginal scribble.
        Line& mid = page.lines[page.lines.size() / 2];
        mid.words.push_back(test::ocr_word("·", mid.box.x + mid.box.width / 2, mid.box.y - word_h,
                                           word_h / 5, word_h / 5, 15.5));
        Line folio;
        cv::Rect last = page.lines.back().box;
        folio.words.push_back(test::ocr_word(std::to_string(1 + rng() % 300),
                                             last.x + last.width / 2, last.y + 4 * word_h, word_h,
                                             word_h, 80.5));
        folio.paragraph = 1;
        page.lines.push_back(folio);
        noise_lines.push_back(true);
        doc.push_back(std::move(page));
    }
    REQUIRE(doc.size() >= 5);
    run_filters(doc);
    Tally t;
    // Inserted noise words carry a confidence with a fraction (body words: whole numbers).
    size_t gi = 0;
    for (const Page& page : doc)
        for (size_t li = 0; li < page.lines.size(); ++li, ++gi) {
            const Line& line = page.lines[li];
            for (size_t wi = 0; wi < line.words.size(); ++wi) {
                const Word& w = line.words[wi];
                bool removed = w.removed || line.removed;
                bool noise = noise_lines[gi] || w.confidence != std::floor(w.confidence);
                if (noise) {
                    ++t.noise_tokens;
                    t.noise_left += !removed;
                    if (!removed)
                        WARN("noise kept: " << w.text << " on " << page.source << " at " << w.box
                                            << ", text column " << facts_column(page));
                } else {
                    t.body_chars += utf8_length(w.text);
                    t.body_removed += removed ? utf8_length(w.text) : 0;
                    if (removed) WARN("body word removed: " << w.text << " on " << page.source);
                }
            }
        }
    INFO("noise tokens " << t.noise_tokens << ", left " << t.noise_left << "; body chars "
                         << t.body_chars << ", removed " << t.body_removed);
    WARN("synthetic OCR pages: " << t.noise_tokens << " noise tokens, " << t.noise_left << " left; "
                                 << t.body_removed << " of " << t.body_chars
                                 << " body characters removed");
    CHECK(t.noise_tokens > 50);
    CHECK(t.noise_left == 0);
    CHECK(double(t.body_removed) < 0.002 * double(t.body_chars));
}
