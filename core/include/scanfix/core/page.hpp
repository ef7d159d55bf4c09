// The page model: one plain value that flows through every stage (load, preprocess, recognize,
// cleanup, emit). Stages in ocr/ fill images, regions and words; stages in cleanup/ mark words
// as removed or replace their text, and every such decision is written to the page's log.
#pragma once

#include <array>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

namespace scanfix {

// Another reading of a word offered by the recognizer, with its confidence (0..100).
struct Alternative {
    std::string text;
    float confidence = 0;
};

// How good a reading looks without a reference (cleanup/quality.hpp estimates it).
struct ReadingQuality {
    double score = -1;         // 0..1: the character-weighted chance a word is read right; -1 none
    double confidence = -1;    // character-weighted mean word confidence, 0..1
    double known_share = -1;   // share of letter words the lexicon knows; -1 without a dictionary
    double garbled_share = 0;  // share of characters in garbled tokens and specks
    int characters = 0;        // letters and digits judged
    int lexicon_characters = 0;  // of those, in letter words the lexicon was asked about
    double evidence = 0;         // characters likely read right minus those likely read wrong
    bool known() const { return score >= 0; }
};

struct Word {
    std::string text;       // UTF-8, NFC
    cv::Rect box;           // page pixels; empty when the page came from a transcription
    float confidence = -1;  // 0..100; negative when unknown
    std::vector<Alternative> alternatives;
    // Recognised words ending in a comma or full stop: how far that mark's glyph reaches below
    // its line's baseline, in the line's letter heights (x-height); a comma's tail descends.
    std::optional<float> mark_drop;
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
    ReadingQuality quality;

    bool has_box() const { return box.area() > 0; }
    // Kept words joined by single spaces.
    std::string text() const;
    // All words, removed ones too.
    std::string raw_text() const;
    bool empty() const;
};

// TextColumn: the body of the page (all its columns of text); Column: one of several columns
// of text side by side within it, read one after another from the left; Table: a ruled table
// within the body, read one TableRow (the band between two of its rules across) at a time.
enum class RegionKind { TextColumn, Margin, Stamp, Border, PunchHole, Column, Table, TableRow };
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

// How long a stage took on a page, for -v and the benchmarks.
struct StageTiming {
    std::string stage;
    double seconds = 0;
};

struct Page {
    std::string source;  // the file the page came from
    int index = 0;       // 0-based page within the file (multi-page TIFF, form-feed pages)
    int dpi = 300;
    int character_height = 0;  // typed letters' height on the working image (0 = not measured)
    bool from_text = false;    // built from a transcription: no images, no boxes

    cv::Mat image;   // as loaded: 8-bit BGR or grey
    cv::Mat gray;    // working grey image
    cv::Mat binary;  // working binary image: text black (0) on white (255)
    double skew_degrees = 0;
    // The loaded image's size (kept when the images are released), and the projective map from
    // working-image pixels (gray, binary, every box and region) to pixels of that image: the
    // sheet cut from a photo and the deskew rotation undone. Emitted boxes go through it.
    cv::Size source_size;
    cv::Matx33d to_source = cv::Matx33d::eye();

    std::vector<Region> regions;
    std::vector<Line> lines;
    std::vector<LogEntry> log;
    std::vector<StageTiming> timings;
    ReadingQuality quality;  // of the kept words, as the outputs give it

    // The main text column, or nullptr when none was found.
    const Region* text_column() const;
    // The boxes of the page's regions of one kind, in the order they were found.
    std::vector<cv::Rect> region_boxes(RegionKind kind) const;
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
    // The corners of a working-image box on the source image (top-left, top-right,
    // bottom-right, bottom-left): a quadrilateral, upright only when nothing was turned.
    std::array<cv::Point2d, 4> source_corners(const cv::Rect& box) const;
    // The upright box on the source image that holds a working-image box, within the image.
    cv::Rect source_box(const cv::Rect& box) const;
    // The upright working-image box that holds a box of the source image.
    cv::Rect working_box(const cv::Rect& source) const;
    // The working images' size, else the source's.
    cv::Size working_size() const;
    // Drops the pixel buffers (words, lines, regions and the log stay): what a document keeps
    // of a page once it is recognised.
    void release_images();
};

// Consecutive pages of one document, in reading order.
using Document = std::vector<Page>;

}  // namespace scanfix
