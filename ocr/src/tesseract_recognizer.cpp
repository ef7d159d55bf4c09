// Tesseract through TessBaseAPI: one engine per recognizer, words read with the result
// iterator into the page model (block, paragraph, line, word; boxes and confidences).
#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"
#include "scanfix/ocr/line_order.hpp"
#include "scanfix/ocr/recognizer.hpp"

namespace fs = std::filesystem;

namespace scanfix {

void OcrParams::validate() const {
    if (lang.empty()) throw ConfigError("", 0, "ocr.lang must name at least one language");
    for (char c : lang)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '_' || c == '-'))
            throw ConfigError("", 0, "ocr.lang '" + lang + "' is not a Tesseract language list");
}

std::string tessdata_dir(const std::string& configured) {
    if (!configured.empty()) return configured;
    if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) {
        fs::path p(env);
        if (fs::exists(p / "tessdata")) return (p / "tessdata").string();
        return p.string();
    }
    for (const char* dir :
         {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
          "/usr/share/tessdata", "/usr/local/share/tessdata"})
        if (fs::exists(dir)) return dir;
    return "/usr/share/tesseract-ocr/5/tessdata";
}

std::string missing_language(const std::string& lang, const std::string& tessdata) {
    std::string dir = tessdata_dir(tessdata);
    std::stringstream ss(lang);
    // Without throwing: a name too long for the file system is simply not installed.
    std::error_code ec;
    for (std::string one; std::getline(ss, one, '+');)
        if (!one.empty() && !fs::exists(fs::path(dir) / (one + ".traineddata"), ec)) return one;
    return "";
}

void check_languages_installed(const std::string& lang, const std::string& tessdata) {
    std::string missing = missing_language(lang, tessdata);
    if (missing.empty()) return;
    throw OcrError("language '" + missing + "' is not installed (no " + missing +
                   ".traineddata in " + tessdata_dir(tessdata) +
                   "; on Debian: apt-get install tesseract-ocr-" + missing + ")");
}

struct TesseractRecognizer::Impl {
    OcrParams params;
    tesseract::TessBaseAPI api;
};

TesseractRecognizer::TesseractRecognizer(const OcrParams& params)
    : impl_(std::make_unique<Impl>()) {
    params.validate();
    impl_->params = params;
    std::string dir = tessdata_dir(params.tessdata);
    check_languages_installed(params.lang, dir);
    if (impl_->api.Init(dir.c_str(), params.lang.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
        throw OcrError("Tesseract could not start with language '" + params.lang + "'");
    setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's own stderr messages
    // Per-letter choices of the LSTM, for Word::alternatives.
    if (params.alternatives) impl_->api.SetVariable("lstm_choice_mode", "2");
    impl_->api.SetVariable("debug_file", "/dev/null");  // keep Tesseract's chatter off stderr
}

TesseractRecognizer::~TesseractRecognizer() {
    if (impl_) impl_->api.End();
}

namespace {

const cv::Mat& pick_input(const Page& page, const std::string& input) {
    if (input == "binary" && !page.binary.empty()) return page.binary;
    if (input != "original" && !page.gray.empty()) return page.gray;
    if (!page.binary.empty() && page.gray.empty() && page.image.empty()) return page.binary;
    return page.image;
}

cv::Rect rect_of(tesseract::ResultIterator* it, tesseract::PageIteratorLevel level) {
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    if (!it->BoundingBox(level, &x1, &y1, &x2, &y2)) return {};
    return {x1, y1, x2 - x1, y2 - y1};
}

std::string take_text(char* text) {
    std::string s = text ? text : "";
    delete[] text;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

// The areas read one after another, in reading order: margins above the text column, the
// column (or its parts: columns of text from the left, lines across them above and below), then
// the other margins. Reading them apart keeps a margin column of stray letters or a folio number
// from being merged into the body's lines, and lets each area have its own page segmentation
// mode. Without a text column the whole page is one area.
struct Area {
    cv::Rect box;
    int psm;
};

std::vector<Area> reading_areas(const Page& page, const OcrParams& params, cv::Size size) {
    const Region* column = params.by_region ? page.text_column() : nullptr;
    cv::Rect whole(0, 0, size.width, size.height);
    if (!column || (column->box & whole).area() <= 0) return {{whole, params.psm}};
    std::vector<Area> before, after;
    int min_side = std::max(8, page.dpi / 15);
    for (const Region& r : page.regions) {
        if (r.kind != RegionKind::Margin) continue;
        cv::Rect box = r.box & whole;
        if (box.width < min_side || box.height < min_side) continue;
        bool above = box.y + box.height <= column->box.y;
        (above ? before : after).push_back({box, params.margin_psm});
    }
    // Tesseract needs some white around the text it is given: pad the column a little.
    const int pad = std::max(4, page.dpi / 20);
    auto padded = [&](const cv::Rect& r) {
        return cv::Rect(r.x - pad, r.y - pad, r.width + 2 * pad, r.height + 2 * pad) & whole;
    };
    std::vector<Area> areas = before;
    // The column's parts in reading order, as the layout found them.
    std::vector<cv::Rect> columns = page.region_boxes(RegionKind::Column);
    if (columns.empty()) columns.push_back(column->box);
    for (const cv::Rect& c : columns) {
        // A ruled table in the column is read a row at a time; the text above, between and
        // below tables as a column.
        // Padded, but not into a table.
        int top = c.y;
        auto column_part = [&](int bottom) {
            if (bottom - top < min_side) return;
            cv::Rect part = padded({c.x, top, c.width, bottom - top});
            const int y0 = top > c.y ? top : part.y;
            const int y1 = bottom < c.y + c.height ? bottom : part.y + part.height;
            areas.push_back({cv::Rect(part.x, y0, part.width, y1 - y0), params.psm});
        };
        for (const Region& t : page.regions) {
            if (t.kind != RegionKind::Table || (t.box & c).area() < t.box.area() / 2) continue;
            column_part(t.box.y);
            for (const Region& r : page.regions)
                if (r.kind == RegionKind::TableRow && (r.box & t.box) == r.box)
                    areas.push_back(
                        {cv::Rect(r.box.x - pad, r.box.y, r.box.width + 2 * pad, r.box.height) &
                             whole,
                         params.table_psm});
            top = std::max(top, t.box.y + t.box.height);
        }
        column_part(c.y + c.height);
    }
    areas.insert(areas.end(), after.begin(), after.end());
    return areas;
}

// Words the recogniser itself considered besides `best`: the word with one letter replaced by
// that letter's runner-up choice (LSTM choices, in percent), likeliest first (at most six).
// `word` points at the word.
std::vector<Alternative> word_alternatives(const tesseract::ResultIterator& word,
                                           const std::string& best) {
    struct Letter {
        std::string text;
        std::vector<std::pair<std::string, float>> others;
    };
    std::vector<Letter> letters;
    tesseract::ResultIterator sym(word);
    do {
        Letter l;
        l.text = take_text(sym.GetUTF8Text(tesseract::RIL_SYMBOL));
        tesseract::ChoiceIterator choice(sym);
        do {
            const char* t = choice.GetUTF8Text();
            if (t && *t && l.text != t && choice.Confidence() >= 5.0f)
                l.others.push_back({t, choice.Confidence()});
        } while (choice.Next());
        letters.push_back(std::move(l));
    } while (sym.Next(tesseract::RIL_SYMBOL) && !sym.IsAtBeginningOf(tesseract::RIL_WORD) &&
             letters.size() < 64);
    std::vector<Alternative> out;
    for (size_t i = 0; i < letters.size(); ++i)
        for (const auto& [text, confidence] : letters[i].others) {
            std::string candidate;
            for (size_t k = 0; k < letters.size(); ++k)
                candidate += k == i ? text : letters[k].text;
            candidate = to_nfc(candidate);
            if (candidate != best) out.push_back({candidate, std::min(100.0f, confidence)});
        }
    std::sort(out.begin(), out.end(), [](const Alternative& a, const Alternative& b) {
        return a.confidence > b.confidence;
    });
    if (out.size() > 6) out.resize(6);
    return out;
}

// For a word `it` points at whose last glyph is a comma or full stop (`text`): how far that glyph
// reaches below the line's baseline, in the line's x-height (Tesseract's row measures).
std::optional<float> final_mark_drop(const tesseract::ResultIterator& it, const std::string& text) {
    if (text.size() < 2 || (text.back() != ',' && text.back() != '.')) return std::nullopt;
    float row_height = 0, descenders = 0, ascenders = 0;
    it.RowAttributes(&row_height, &descenders, &ascenders);
    const float x_height = row_height - ascenders + descenders;
    int bx1 = 0, by1 = 0, bx2 = 0, by2 = 0;
    if (x_height < 4 || !it.Baseline(tesseract::RIL_TEXTLINE, &bx1, &by1, &bx2, &by2))
        return std::nullopt;
    tesseract::ResultIterator sym(it);
    int x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool found = false;
    do {
        found = sym.BoundingBox(tesseract::RIL_SYMBOL, &x1, &y1, &x2, &y2);
    } while (sym.Next(tesseract::RIL_SYMBOL) && !sym.IsAtBeginningOf(tesseract::RIL_WORD));
    if (!found) return std::nullopt;
    const double along = bx2 != bx1 ? double(x1 - bx1) / (bx2 - bx1) : 0.0;
    const double baseline = by1 + along * (by2 - by1);
    return float((y2 - baseline) / x_height);
}

// Appends the lines Tesseract found in its current rectangle; block and paragraph numbers go
// on from those already on the page. Boxes are in page coordinates.
void read_lines(tesseract::TessBaseAPI& api, Page& page, int& block, int& paragraph,
                bool alternatives) {
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it || it->Empty(tesseract::RIL_WORD)) return;
    bool line_open = false;
    do {
        if (it->Empty(tesseract::RIL_WORD)) continue;
        if (it->IsAtBeginningOf(tesseract::RIL_BLOCK)) ++block;
        if (it->IsAtBeginningOf(tesseract::RIL_PARA)) ++paragraph;
        if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || !line_open) {
            Line line;
            line.box = rect_of(it.get(), tesseract::RIL_TEXTLINE);
            line.block = std::max(block, 0);
            line.paragraph = std::max(paragraph, 0);
            page.lines.push_back(std::move(line));
            line_open = true;
        }
        Word word;
        word.text = to_nfc(take_text(it->GetUTF8Text(tesseract::RIL_WORD)));
        word.box = rect_of(it.get(), tesseract::RIL_WORD);
        word.confidence = it->Confidence(tesseract::RIL_WORD);
        if (alternatives && !word.text.empty())
            word.alternatives = word_alternatives(*it, word.text);
        word.mark_drop = final_mark_drop(*it, word.text);
        if (!word.text.empty()) page.lines.back().words.push_back(std::move(word));
    } while (it->Next(tesseract::RIL_WORD));
}

}  // namespace

void TesseractRecognizer::recognize(Page& page) {
    recognize_with(page, impl_->params);
}

void TesseractRecognizer::recognize_with(Page& page, const OcrParams& settings,
                                         const std::vector<cv::Rect>& only) {
    if (settings.lang != impl_->params.lang)
        throw OcrError(page.label() + ": a second reading must use the engine's language");
    const char* method = settings.thresholding == "sauvola"          ? "2"
                         : settings.thresholding == "leptonica_otsu" ? "1"
                                                                     : "0";
    impl_->api.SetVariable("thresholding_method", method);
    const cv::Mat& input = pick_input(page, settings.input);
    if (input.empty()) throw OcrError(page.label() + ": no image to recognise");
    // Tesseract wants RGB: the conversion goes into a buffer of its own, never into the page's.
    cv::Mat img;
    if (input.channels() == 3)
        cv::cvtColor(input, img, cv::COLOR_BGR2RGB);
    else
        img = input.isContinuous() ? input : input.clone();
    std::vector<Area> areas;
    const cv::Rect whole(0, 0, img.cols, img.rows);
    for (const cv::Rect& r : only)
        if ((r & whole).area() > 0) areas.push_back({r & whole, settings.psm});
    if (only.empty()) areas = reading_areas(page, settings, img.size());
    page.lines.clear();
    if (areas.empty()) return;
    tesseract::TessBaseAPI& api = impl_->api;
    api.SetImage(img.data, img.cols, img.rows, img.channels(), int(img.step));
    api.SetSourceResolution(page.dpi > 0 ? page.dpi : 300);
    int block = -1, paragraph = -1;
    for (const Area& area : areas) {
        api.SetRectangle(area.box.x, area.box.y, area.box.width, area.box.height);
        api.SetPageSegMode(static_cast<tesseract::PageSegMode>(area.psm));
        if (api.Recognize(nullptr) != 0) {
            api.Clear();
            throw OcrError(page.label() + ": Tesseract failed to recognise the page");
        }
        const size_t first_line = page.lines.size();
        read_lines(api, page, block, paragraph, impl_->params.alternatives);
        restore_line_order(page.lines, first_line);
    }
    // Lines where every word was empty carry nothing.
    page.lines.erase(std::remove_if(page.lines.begin(), page.lines.end(),
                                    [](const Line& l) { return l.words.empty(); }),
                     page.lines.end());
    api.Clear();
}

}  // namespace scanfix
