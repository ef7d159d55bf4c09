// The page model: one plain value that flows through every stage (load, preprocess, recognize,
// cleanup, emit). Stages in ocr/ fill images, regions and words; stages in cleanup/ mark words
// as removed or replace their text, and every such decision is written to the page's log.
#pragma once

#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace scanfix {

// Another reading of a word offered by the recognizer, with its confidence (0..100).
struct Alternative {
    std::string text;
    float confidence = 0;
};

struct Word {
    std::string text;       // UTF-8, NFC
    cv::Rect box;           // page pixels; empty when the page came from a transcription
    float confidence = -1;  // 0..100; negative when unknown
    std::vector<Alternative> alternatives;
    bool removed = false;  // dropped by a filter; kept in the model for reports and --keep-noise

    bool has_box() const { return box.area() > 0; }
};

// How a line that ends in a hyphen continues on the next kept line.
enum class LineJoin {
    Space,       // ordinary line break: a space in reading layout
    SoftHyphen,  // word split by the typist: hyphen dropped, halves joined
    HardHyphen,  // a real compound (Народно-освободительной): hyphen kept, halves joined
};

struct Line {
    std::vector<Word> words;
    cv::Rect box;
    int block = 0;      // Tesseract block, or 0 for transcriptions
    int paragraph = 0;  // paragraph number within the page
    bool removed = false;
    LineJoin join = LineJoin::Space;

    bool has_box() const { return box.area() > 0; }
    // Kept words joined by single spaces.
    std::string text() const;
    // All words, removed ones too.
    std::string raw_text() const;
    bool empty() const;
};

enum class RegionKind { TextColumn, Margin, Stamp, Border, PunchHole };
const char* to_string(RegionKind kind);

struct Region {
    RegionKind kind = RegionKind::TextColumn;
    cv::Rect box;
    std::string note;
};

// One decision a stage made, in the words a report shows.
struct LogEntry {
    std::string stage;   // e.g. "margin_column", "deskew"
    std::string action;  // "removed", "replaced", "joined", "measured", "kept"
    std::string reason;
    std::string before;
    std::string after;
    int line = -1;  // index into Page::lines, or -1
    int word = -1;  // index into Line::words, or -1
    cv::Rect box;
};

struct Page {
    std::string source;  // the file the page came from
    int index = 0;       // 0-based page within the file (multi-page TIFF, form-feed pages)
    int dpi = 300;
    bool from_text = false;  // built from a transcription: no images, no boxes

    cv::Mat image;   // as loaded: 8-bit BGR or grey
    cv::Mat gray;    // working grey image
    cv::Mat binary;  // working binary image: text black (0) on white (255)
    double skew_degrees = 0;

    std::vector<Region> regions;
    std::vector<Line> lines;
    std::vector<LogEntry> log;

    // The main text column, or nullptr when none was found.
    const Region* text_column() const;
    void note(LogEntry entry) { log.push_back(std::move(entry)); }
    // Marks a word removed and logs why.
    void remove_word(int line, int word, const std::string& stage, const std::string& reason);
    // Marks a whole line removed and logs why.
    void remove_line(int line, const std::string& stage, const std::string& reason);
    // Replaces a word's text and logs the change.
    void replace_word(int line, int word, const std::string& text, const std::string& stage,
                      const std::string& reason);
    // Human-readable "page-name p.N" for messages.
    std::string label() const;
};

// Consecutive pages of one document, in reading order.
using Document = std::vector<Page>;

}  // namespace scanfix
