// Preprocessing steps on the layout: the main text column with the margins around it, and the
// grey page outside the column cleared of bare paper for the margins' own reading.
#include <opencv2/imgproc.hpp>

#include "scanfix/ocr/binarize.hpp"
#include "scanfix/ocr/preprocess_steps.hpp"
#include "scanfix/ocr/tables.hpp"
#include "scanfix/ocr/text_column.hpp"

namespace scanfix {
namespace {

void add_table(PreprocessState& s, const TypedTable& t, const std::string& note) {
    s.add_region(RegionKind::Table, t.box, note, "measured");
    for (const cv::Rect& row : t.rows)
        s.page.regions.push_back({RegionKind::TableRow, row, "row of a table"});
}

PreprocessStepFn tables_step(const Profile& profile) {
    const auto p = read_params<TableParams>(profile, "preprocess.tables");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        const auto ruled = find_ruled_tables(s.binary, s.character_height, p);
        if (!ruled.empty()) s.binary_changing();
        for (const TypedTable& t : ruled) {
            remove_table_rules(s.binary, s.gray, t, s.character_height, p);
            add_table(s, t,
                      "ruled table of " + std::to_string(t.rows.size()) + " rows, " +
                          std::to_string(t.rules.size()) + " rules removed");
            s.removed.insert(s.removed.end(), t.rules.begin(), t.rules.end());
        }
        if (!p.unruled) return;
        // The tables so far are the ruled ones just found.
        for (const TypedTable& t : find_unruled_tables(
                 s.ink(), &s.drop, s.binary.size(), s.character_height, p,
                 s.page.region_boxes(RegionKind::Table), s.page.region_boxes(RegionKind::Stamp)))
            add_table(s, t,
                      "table without rules of " + std::to_string(t.rows.size()) +
                          " rows: its columns leave white gutters down every row");
    };
}

PreprocessStepFn text_column_step(const Profile& profile) {
    const auto p = read_params<TextColumnParams>(profile, "preprocess.text_column");
    if (!p.enabled) return {};
    return [p](PreprocessState& s) {
        s.column_searched = true;
        TextLayout layout = find_text_column(s.ink(), s.binary.size(), s.character_height, p,
                                             &s.drop, s.page.region_boxes(RegionKind::Table));
        s.column = layout.column;
        if (s.column.empty()) {
            s.note("measured", "no text column found");
            return;
        }
        s.add_region(RegionKind::TextColumn, s.column, "main text", "measured");
        if (layout.columns.size() > 1)
            for (const auto& c : layout.columns)
                s.add_region(RegionKind::Column, c, "column of text", "measured");
        for (const auto& m : layout.margins)
            s.page.regions.push_back({RegionKind::Margin, m, "around the text column"});
    };
}

// Outside the text column, paper away from the remaining ink becomes white on the grey page:
// the margins are read one by one, and Tesseract's own threshold of a blank margin would turn
// paper grain into letters. Strokes keep their grey edges.
PreprocessStepFn clean_margins_step(const Profile& profile) {
    const auto p = read_params<BinarizeParams>(profile, "preprocess.binarize");
    if (!p.clean_margins) return {};
    return [](PreprocessState& s) {
        s.apply_marks();
        cv::Mat paper;
        cv::bitwise_not(s.binary, paper);
        const int r = std::max(1, s.character_height / 8);
        cv::dilate(paper, paper,
                   cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * r + 1, 2 * r + 1}));
        cv::bitwise_not(paper, paper);
        if (!s.column.empty()) paper(s.column & cv::Rect({}, paper.size())).setTo(0);
        s.gray.setTo(255, paper);
    };
}

}  // namespace

std::vector<PreprocessStepInfo> layout_steps() {
    return {
        {"tables",
         "ruled tables: their rules removed, their rows read one by one",
         {"type", "binary"},
         {},
         {},
         tables_step,
         step_params<TableParams>("preprocess.tables")},
        {"text_column",
         "the main text column and the margins around it",
         {"type", "binary"},
         {"column"},
         {},
         text_column_step,
         step_params<TextColumnParams>("preprocess.text_column")},
        {"clean_margins",
         "bare paper outside the text column set to white on the grey page",
         {"type", "binary"},
         {},
         {},
         clean_margins_step,
         step_params<BinarizeParams>("preprocess.binarize")},
    };
}

}  // namespace scanfix
