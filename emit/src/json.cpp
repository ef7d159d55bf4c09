// JSON output of the page model (nlohmann-json): pages, regions, lines, words with boxes and
// confidences, removed words flagged, and the log of every decision the stages made.
#include <cmath>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "page_geometry.hpp"
#include "scanfix/emit/formats.hpp"
#include "scanfix/emit/report.hpp"

namespace scanfix {
namespace {

using nlohmann::json;

// [x, y, width, height] of a working-image box on the source image.
json box_json(const Page& page, const cv::Rect& working) {
    const cv::Rect r = emit_detail::source_box(page, working);
    if (r.area() <= 0) return nullptr;
    return json::array({r.x, r.y, r.width, r.height});
}

// Page, line and word count from 1; line and word are null where they do not apply.
// The label-free estimate of a line or page (cleanup/quality.hpp), rounded for reading.
json quality_json(const ReadingQuality& q) {
    auto round3 = [](double v) { return std::round(v * 1000) / 1000; };
    json j = {{"score", round3(q.score)},
              {"confidence", round3(q.confidence)},
              {"garbled_share", round3(q.garbled_share)},
              {"characters", q.characters}};
    if (q.known_share >= 0) j["known_share"] = round3(q.known_share);
    return j;
}

json log_entry_json(const Page& pg, const LogEntry& e, size_t page) {
    json j = {{"page", page + 1},
              {"line", e.line >= 0 ? json(e.line + 1) : json()},
              {"word", e.word >= 0 ? json(e.word + 1) : json()},
              {"stage", e.stage},
              {"action", e.action},
              {"reason", e.reason},
              {"before", e.before},
              {"after", e.after}};
    if (e.box.area() > 0) j["box"] = box_json(pg, e.box);
    return j;
}

}  // namespace

std::string to_json(const Document& doc) {
    json pages = json::array();
    for (size_t p = 0; p < doc.size(); ++p) {
        const Page& page = doc[p];
        cv::Size size = emit_detail::page_size(page);
        json regions = json::array();
        for (const Region& r : page.regions)
            regions.push_back(
                {{"kind", to_string(r.kind)}, {"box", box_json(page, r.box)}, {"note", r.note}});
        json lines = json::array();
        for (const Line& line : page.lines) {
            json words = json::array();
            for (const Word& w : line.words) {
                json jw = {{"text", w.text}, {"box", box_json(page, w.box)}};
                if (w.confidence >= 0) jw["confidence"] = w.confidence;
                if (w.removed) jw["removed"] = true;
                if (!w.alternatives.empty()) {
                    json alts = json::array();
                    for (const Alternative& a : w.alternatives)
                        alts.push_back({{"text", a.text}, {"confidence", a.confidence}});
                    jw["alternatives"] = std::move(alts);
                }
                words.push_back(std::move(jw));
            }
            json jl = {{"box", box_json(page, line.box)},
                       {"block", line.block},
                       {"paragraph", line.paragraph},
                       {"words", std::move(words)}};
            if (line.removed) jl["removed"] = true;
            if (line.quality.known()) jl["quality"] = quality_json(line.quality);
            if (line.join != LineJoin::Space)
                jl["join"] = line.join == LineJoin::SoftHyphen ? "soft_hyphen" : "hard_hyphen";
            lines.push_back(std::move(jl));
        }
        json log = json::array();
        for (const LogEntry& e : page.log) log.push_back(log_entry_json(page, e, p));
        json jp = {{"source", page.source},
                   {"index", page.index},
                   {"lines", std::move(lines)},
                   {"regions", std::move(regions)},
                   {"log", std::move(log)}};
        if (!page.from_text) {
            // The scan by an absolute path, so that a viewer started elsewhere (scanfix review)
            // finds the image "source" names relative to the folder the run started in.
            std::error_code ec;
            std::filesystem::path image = std::filesystem::absolute(page.source, ec);
            jp["image"] = ec ? page.source : image.lexically_normal().string();
            jp["width"] = size.width;
            jp["height"] = size.height;
            jp["dpi"] = page.dpi;
            jp["skew_degrees"] = page.skew_degrees;
            if (page.quality.known()) jp["quality"] = quality_json(page.quality);
            json timings = json::object();
            for (const StageTiming& t : page.timings) timings[t.stage] = t.seconds;
            jp["seconds"] = std::move(timings);
        }
        pages.push_back(std::move(jp));
    }
    return json({{"pages", std::move(pages)}}).dump(2, ' ', false, json::error_handler_t::replace) +
           "\n";
}

std::string CleanupReportWriter::add(const Document& doc, bool continues_last_page,
                                     int first_line) {
    std::string out;
    for (size_t p = 0; p < doc.size(); ++p) {
        const bool continued = p == 0 && continues_last_page && pages_ > 0;
        if (!continued) ++pages_;
        const int offset = p == 0 && continues_last_page ? first_line : 0;
        for (const LogEntry& e : doc[p].log) {
            LogEntry placed = e;
            if (placed.line >= 0) placed.line += offset;
            json j = log_entry_json(doc[p], placed, pages_ - 1);
            j["source"] = doc[p].source;
            ++counts_[e.action];
            // Each entry as nlohmann would indent it two levels deep in the whole report.
            std::string text = j.dump(2, ' ', false, json::error_handler_t::replace);
            out += entries_ == 0 ? "{\n  \"entries\": [\n" : ",\n";
            ++entries_;
            size_t at = 0;
            for (size_t nl; (nl = text.find('\n', at)) != std::string::npos; at = nl + 1)
                out += "    " + text.substr(at, nl + 1 - at);
            out += "    " + text.substr(at);
        }
    }
    return out;
}

std::string CleanupReportWriter::finish() {
    // Inputs are validated UTF-8, but a report must never throw.
    std::string out = entries_ == 0 ? "{\n  \"entries\": [],\n" : "\n  ],\n";
    json counts(counts_);
    std::string tail = counts.dump(2, ' ', false, json::error_handler_t::replace);
    return out + tail.substr(tail.find('\n') + 1) + "\n";
}

std::string cleanup_report_json(const Document& doc) {
    CleanupReportWriter writer;
    std::string out = writer.add(doc);
    return out + writer.finish();
}

}  // namespace scanfix
