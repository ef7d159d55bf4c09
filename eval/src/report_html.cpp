// The HTML report; see report_html.hpp. Alignment rows follow the reference's lines (whitespace
// folding keeps line breaks as "\n" for exactly this), with long lines wrapped at a space.
#include "scanfix/eval/report_html.hpp"

#include <algorithm>

namespace scanfix::eval {

namespace {

constexpr size_t kMaxRowClusters = 160;  // wrap reference lines longer than this at a space

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

const char* kStyle = R"(
body{font-family:system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}
th,td{border:1px solid #ccc;padding:.2em .6em;text-align:right}
th{background:#f0f0f0;cursor:pointer;text-align:left}
td.name,td.text{text-align:left}
tr.total td{font-weight:bold;background:#fafafa}
table.alignment{width:100%;table-layout:fixed}
table.alignment td{text-align:left;font-family:monospace;white-space:pre-wrap;overflow-wrap:anywhere;vertical-align:top}
table.alignment .n{width:3em;color:#999;text-align:right}
.s{background:#ffd27f}.d{background:#ff9c9c;text-decoration:line-through}.i{background:#9fe6a0}
.legend span{padding:0 .4em;margin-right:.5em}
#script-errors{color:#b00}
.only-errors tr.ok{display:none}
)";

// Runs first, so that errors in the rest of the page are caught.
const char* kErrorCatcher = R"(
window.addEventListener('error', function (e) {
  var box = document.getElementById('script-errors');
  var msg = (e && e.message) ? e.message : 'script error';
  if (box) box.textContent += msg + '\n';
  document.documentElement.setAttribute('data-script-error', msg);
});
)";

// Sortable summary table, a filter for rows with errors, then the success mark.
const char* kScript = R"(
(function () {
  function cellValue(row, col) {
    var c = row.cells[col];
    var v = c.getAttribute('data-value');
    return v !== null ? parseFloat(v) : c.textContent;
  }
  var summary = document.getElementById('summary');
  var heads = summary.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var body = summary.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var asc = th.getAttribute('data-order') !== 'asc';
      rows.sort(function (a, b) {
        var x = cellValue(a, col), y = cellValue(b, col);
        return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
      });
      rows.forEach(function (r) { body.appendChild(r); });
      th.setAttribute('data-order', asc ? 'asc' : 'desc');
    });
  });
  var toggle = document.getElementById('only-errors');
  toggle.addEventListener('change', function () {
    document.body.classList.toggle('only-errors', toggle.checked);
  });
  var total = document.getElementById('total-cer');
  document.body.setAttribute('data-total-cer', total ? total.textContent : '');
  document.body.setAttribute('data-pages', String(summary.tBodies[0].rows.length));
  if (!document.documentElement.hasAttribute('data-script-error'))
    document.body.setAttribute('data-ok', '1');
})();
)";

void summary_row(std::string& out, const std::string& name, const std::string& anchor,
                 const EditCounts& c, const EditCounts& w, bool total) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    out +=
        "<td class=\"name\">" +
        (anchor.empty() ? escape(name) : "<a href=\"#" + anchor + "\">" + escape(name) + "</a>") +
        "</td>";
    auto num = [&](size_t v) {
        out += "<td data-value=\"" + std::to_string(v) + "\">" + std::to_string(v) + "</td>";
    };
    num(c.reference_length);
    num(c.substitutions);
    num(c.deletions);
    num(c.insertions);
    out += "<td data-value=\"" + std::to_string(c.rate()) + "\"" +
           (total ? " id=\"total-cer\"" : "") + ">" + format_percent(c.rate()) + "</td>";
    num(w.reference_length);
    num(w.errors());
    out += "<td data-value=\"" + std::to_string(w.rate()) + "\"" +
           (total ? " id=\"total-wer\"" : "") + ">" + format_percent(w.rate()) + "</td></tr>\n";
}

// Builds the two cells of one alignment row, merging neighbouring clusters of one class.
class SideBySide {
  public:
    void add(char side, const char* cls, std::string_view cluster) {
        std::string& cell = side == 'r' ? ref_ : hyp_;
        std::string& open = side == 'r' ? ref_cls_ : hyp_cls_;
        if (open != cls) {
            if (!open.empty()) cell += "</span>";
            if (*cls) cell += std::string("<span class=\"") + cls + "\">";
            open = cls;
        }
        bool space = cluster == " " || cluster == "\n";
        cell += space ? (*cls ? "␣" : " ") : escape(cluster);
        if (*cls) errors_ = true;
        if (side == 'r') ++ref_clusters_;
    }
    bool long_line() const { return ref_clusters_ >= kMaxRowClusters; }
    bool empty() const { return ref_.empty() && hyp_.empty(); }
    void flush(std::string& out, size_t line) {
        if (empty()) return;
        close(ref_, ref_cls_);
        close(hyp_, hyp_cls_);
        out += std::string("<tr class=\"") + (errors_ ? "err" : "ok") + "\"><td class=\"n\">" +
               std::to_string(line) + "</td><td>" + ref_ + "</td><td>" + hyp_ + "</td></tr>\n";
        ref_.clear(), hyp_.clear();
        errors_ = false;
        ref_clusters_ = 0;
    }

  private:
    static void close(std::string& cell, std::string& cls) {
        if (!cls.empty()) cell += "</span>";
        cls.clear();
    }
    std::string ref_, hyp_, ref_cls_, hyp_cls_;
    bool errors_ = false;
    size_t ref_clusters_ = 0;
};

void alignment_table(std::string& out, const Comparison& c) {
    out +=
        "<table class=\"alignment\"><thead><tr><th class=\"n\">#</th><th>reference</th>"
        "<th>hypothesis</th></tr></thead><tbody>\n";
    SideBySide row;
    size_t i = 0, j = 0, line = 1;
    for (EditOp op : c.characters.ops) {
        std::string_view r = op == EditOp::Insert ? std::string_view() : c.reference.cluster(i);
        std::string_view h = op == EditOp::Delete ? std::string_view() : c.hypothesis.cluster(j);
        switch (op) {
            case EditOp::Match:
                row.add('r', "", r), row.add('h', "", h);
                break;
            case EditOp::Substitute:
                row.add('r', "s", r), row.add('h', "s", h);
                break;
            case EditOp::Delete:
                row.add('r', "d", r);
                break;
            case EditOp::Insert:
                row.add('h', "i", h);
                break;
        }
        if (op != EditOp::Insert) ++i;
        if (op != EditOp::Delete) ++j;
        if (r == "\n" || (row.long_line() && r == " ")) row.flush(out, line++);
    }
    row.flush(out, line);
    out += "</tbody></table>\n";
}

}  // namespace

std::string render_html_report(const EvalReport& r, const ReportOptions& options) {
    std::string out;
    out +=
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<title>scanfix eval report</title>\n<style>";
    out += kStyle;
    out += "</style>\n<script>";
    out += kErrorCatcher;
    out +=
        "</script>\n</head>\n<body data-ok=\"0\">\n<h1>scanfix eval report</h1>\n"
        "<pre id=\"script-errors\"></pre>\n";
    std::string norms;
    for (const auto& n : r.normalizations) norms += (norms.empty() ? "" : ", ") + n;
    out += "<p id=\"normalizations\">Normalisations applied: " +
           escape(norms.empty() ? "none" : norms) + "</p>\n";

    out +=
        "<h2>Summary</h2>\n<table id=\"summary\"><thead><tr><th>page</th><th>characters</th>"
        "<th>substitutions</th><th>deletions</th><th>insertions</th><th>CER</th>"
        "<th>words</th><th>word errors</th><th>WER</th></tr></thead><tbody>\n";
    for (size_t p = 0; p < r.pages.size(); ++p) {
        const PageResult& page = r.pages[p];
        summary_row(out, page.files.name, page.comparison ? "page-" + std::to_string(p + 1) : "",
                    page.result.characters, page.result.words, false);
    }
    out += "</tbody><tfoot>";
    summary_row(out, "total", "", r.characters, r.words, true);
    out += "</tfoot></table>\n";

    if (!r.missing_hypotheses.empty() || !r.missing_references.empty() || !r.failures.empty()) {
        out += "<ul id=\"missing\">\n";
        for (const auto& m : r.missing_hypotheses)
            out += "<li>Missing hypothesis for " + escape(m) + "</li>\n";
        for (const auto& m : r.missing_references)
            out += "<li>No reference for " + escape(m) + "</li>\n";
        for (const auto& f : r.failures) out += "<li>Failed: " + escape(f.message) + "</li>\n";
        out += "</ul>\n";
    }

    if (r.has_attribution) {
        const ErrorAttribution& a = r.attribution;
        double len = double(std::max<size_t>(1, a.reference_length));
        out +=
            "<h2>Error sources</h2>\n<table id=\"attribution\"><tr><th>source</th>"
            "<th>characters</th><th>share of reference</th></tr>\n";
        auto row = [&](const char* name, size_t n) {
            out += std::string("<tr><td class=\"name\">") + name + "</td><td>" + std::to_string(n) +
                   "</td><td>" + format_percent(double(n) / len) + "</td></tr>\n";
        };
        row("recognition", a.recognition);
        row("wrongly removed", a.wrongly_removed);
        row("noise kept", a.noise_kept);
        row("correctly removed (not an error)", a.correctly_removed);
        out += "</table>\n";
    }

    out +=
        "<h2>Character confusions</h2>\n<table id=\"confusions\"><tr><th>reference</th>"
        "<th>hypothesis</th><th>count</th></tr>\n";
    for (const auto& c : r.analysis.confusions(options.top)) {
        auto cell = [](const std::string& s) {
            return s.empty() ? std::string("∅") : s == " " ? std::string("␣") : escape(s);
        };
        out += "<tr><td class=\"text\">" + cell(c.reference) + "</td><td class=\"text\">" +
               cell(c.hypothesis) + "</td><td>" + std::to_string(c.count) + "</td></tr>\n";
    }
    out +=
        "</table>\n<h2>Most frequent wrong words</h2>\n<table id=\"wrong-words\"><tr>"
        "<th>reference</th><th>count</th><th>read as</th></tr>\n";
    for (const auto& w : r.analysis.wrong_words(options.top)) {
        std::string readings;
        for (const auto& [reading, n] : w.readings)
            readings += (readings.empty() ? "" : ", ") +
                        (reading.empty() ? std::string("∅") : escape(reading)) + " (" +
                        std::to_string(n) + ")";
        out += "<tr><td class=\"text\">" + escape(w.reference) + "</td><td>" +
               std::to_string(w.count) + "</td><td class=\"text\">" + readings + "</td></tr>\n";
    }
    out += "</table>\n";

    out +=
        "<h2>Pages</h2>\n<p class=\"legend\"><span class=\"s\">substituted</span>"
        "<span class=\"d\">missing in hypothesis</span><span class=\"i\">extra in hypothesis"
        "</span><label><input type=\"checkbox\" id=\"only-errors\"> only lines with errors"
        "</label></p>\n";
    for (size_t p = 0; p < r.pages.size(); ++p) {
        const PageResult& page = r.pages[p];
        if (!page.comparison) continue;
        out += "<section class=\"page\" id=\"page-" + std::to_string(p + 1) + "\"><h3>" +
               escape(page.files.name) + "</h3>\n<p>" + escape(page.files.reference) + " (" +
               to_string(page.reference_format) + ") against " + escape(page.files.hypothesis) +
               " (" + to_string(page.hypothesis_format) + "): CER " +
               format_percent(page.result.cer()) + ", WER " + format_percent(page.result.wer()) +
               "</p>\n";
        alignment_table(out, *page.comparison);
        out += "</section>\n";
    }
    out += "<script>";
    out += kScript;
    out += "</script>\n</body></html>\n";
    return out;
}

}  // namespace scanfix::eval
