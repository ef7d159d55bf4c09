// The reviewer's state and decision log as JSON; see review_state.hpp. Places count from 1 in
// the file, as in the JSON page model's log.
#include "scanfix/review/review_state.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>
#include <tuple>

#include "input_files.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"
#include "verdicts_json.hpp"

namespace scanfix::review {

const char* const kDecisionActions[7] = {"corrected", "accepted", "restored",  "removed",
                                         "reverted",  "reviewed", "unreviewed"};

bool WordRef::operator<(const WordRef& o) const {
    return std::tie(page, line, word) < std::tie(o.page, o.line, o.word);
}
bool WordRef::operator==(const WordRef& o) const {
    return page == o.page && line == o.line && word == o.word;
}

const WordVerdict* ReviewState::verdict(const WordRef& at) const {
    auto it =
        std::find_if(words.begin(), words.end(), [&](const WordVerdict& v) { return v.at == at; });
    return it != words.end() ? &*it : nullptr;
}

std::string final_text(const ReviewState* state, const WordRef& at, const OcrWord& word) {
    const WordVerdict* v = state ? state->verdict(at) : nullptr;
    return v ? v->text : word.text;
}

bool final_kept(const ReviewState* state, const WordRef& at, const OcrLine& line,
                const OcrWord& word) {
    const WordVerdict* v = state ? state->verdict(at) : nullptr;
    return v ? v->kept : kept_in_ocr(line, word);
}

std::string utc_now() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

using nlohmann::json;

class StateReader {
  public:
    StateReader(const std::string& name, const std::vector<OcrPage>& pages)
        : name_(name), pages_(pages) {}

    [[noreturn]] void fail(const std::string& where, const std::string& what) const {
        throw InputError(name_, where + " " + what);
    }

    std::string text(const json& obj, const char* key, const std::string& where,
                     size_t max_bytes) const {
        if (!obj.contains(key) || obj.at(key).is_null()) return {};
        const json& v = obj.at(key);
        const std::string at = where + "." + key;
        if (!v.is_string()) fail(at, "is not a string");
        const std::string s = v.get<std::string>();
        if (s.size() > max_bytes)
            fail(at, "is longer than " + std::to_string(max_bytes) + " bytes");
        if (!is_valid_utf8(s)) fail(at, "is not UTF-8");
        return s;
    }

    // A word as typed: one line, no control characters, in NFC.
    std::string word_text(const json& obj, const char* key, const std::string& where) const {
        std::string s = text(obj, key, where, kMaxWordBytes);
        for (unsigned char c : s)
            if (c < 0x20 || c == 0x7f)
                fail(where + "." + key, "holds a line break or control character");
        return to_nfc(s);
    }

    bool flag(const json& obj, const char* key, const std::string& where, bool fallback) const {
        if (!obj.contains(key)) return fallback;
        if (!obj.at(key).is_boolean()) fail(where + "." + key, "is not true or false");
        return obj.at(key).get<bool>();
    }

    // A 1-based place in the file as 0-based; -1 when absent (allowed only if `optional`).
    int place(const json& obj, const char* key, const std::string& where, bool optional) const {
        if (!obj.contains(key) || obj.at(key).is_null()) {
            if (!optional) fail(where, std::string("has no \"") + key + "\"");
            return -1;
        }
        const json& v = obj.at(key);
        if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > (1 << 30))
            fail(where + "." + key, "is not a number from 1");
        return int(v.get<long long>()) - 1;
    }

    // Checks that page/line/word name something of the pages (word -1: the line; line -1: the
    // page).
    void check_place(int page, int line, int word, const std::string& where) const {
        if (page < 0 && line < 0 && word < 0) return;
        if (page < 0 || page >= int(pages_.size())) fail(where, "names no page of the file");
        if (line < 0) {
            if (word >= 0) fail(where, "names a word without its line");
            return;
        }
        const auto& lines = pages_[page].lines;
        if (line >= int(lines.size())) fail(where, "names no line of the page");
        if (word >= int(lines[line].words.size())) fail(where, "names no word of the line");
    }

    WordVerdict verdict(const json& j, const std::string& where) const {
        if (!j.is_object()) fail(where, "is not an object");
        WordVerdict v;
        v.at = {place(j, "page", where, false), place(j, "line", where, false),
                place(j, "word", where, false)};
        check_place(v.at.page, v.at.line, v.at.word, where);
        v.text = word_text(j, "text", where);
        v.kept = flag(j, "kept", where, true);
        v.checked = flag(j, "checked", where, false);
        return v;
    }

    Decision decision(const json& j, const std::string& where) const {
        if (!j.is_object()) fail(where, "is not an object");
        Decision d;
        d.time = text(j, "time", where, 40);
        for (char c : d.time)
            if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == 'T' ||
                  c == 'Z' || c == '.' || c == '+'))
                fail(where + ".time", "is not an ISO 8601 time");
        d.action = text(j, "action", where, 20);
        if (std::find_if(std::begin(kDecisionActions), std::end(kDecisionActions),
                         [&](const char* a) { return d.action == a; }) ==
            std::end(kDecisionActions))
            fail(where + ".action", "is not a known decision ('" + d.action + "')");
        d.page = place(j, "page", where, true);
        d.line = place(j, "line", where, true);
        d.word = place(j, "word", where, true);
        check_place(d.page, d.line, d.word, where);
        // Noise restored or removed may be a whole line: longer than a word.
        d.before = text(j, "before", where, 16 * kMaxWordBytes);
        d.after = text(j, "after", where, 16 * kMaxWordBytes);
        d.note = text(j, "note", where, kMaxWordBytes);
        return d;
    }

  private:
    const std::string& name_;
    const std::vector<OcrPage>& pages_;
};

json optional_place(int v) {
    return v >= 0 ? json(v + 1) : json();
}

}  // namespace

ReviewState parse_review_state(const std::string& text, const std::string& name,
                               const std::vector<OcrPage>& pages) {
    const json doc = parse_json(text, name);
    if (!doc.is_object()) throw InputError(name, "not a JSON object");
    StateReader in(name, pages);
    ReviewState state;
    state.reviewed = in.flag(doc, "reviewed", "the file", false);
    state.saved = in.text(doc, "saved", "the file", 40);
    if (doc.contains("words")) {
        const json& words = doc.at("words");
        if (!words.is_array()) in.fail("words", "is not a list");
        for (size_t i = 0; i < words.size(); ++i)
            state.words.push_back(in.verdict(words[i], "words[" + std::to_string(i + 1) + "]"));
    }
    std::sort(state.words.begin(), state.words.end(),
              [](const WordVerdict& a, const WordVerdict& b) { return a.at < b.at; });
    for (size_t i = 1; i < state.words.size(); ++i)
        if (state.words[i].at == state.words[i - 1].at)
            in.fail("words", "names the word at page " +
                                 std::to_string(state.words[i].at.page + 1) + ", line " +
                                 std::to_string(state.words[i].at.line + 1) + ", word " +
                                 std::to_string(state.words[i].at.word + 1) + " twice");
    if (doc.contains("decisions")) {
        const json& decisions = doc.at("decisions");
        if (!decisions.is_array()) in.fail("decisions", "is not a list");
        for (size_t i = 0; i < decisions.size(); ++i)
            state.decisions.push_back(
                in.decision(decisions[i], "decisions[" + std::to_string(i + 1) + "]"));
    }
    return state;
}

nlohmann::json verdicts_json(const std::vector<WordVerdict>& verdicts) {
    json words = json::array();
    for (const WordVerdict& v : verdicts)
        words.push_back({{"page", v.at.page + 1},
                         {"line", v.at.line + 1},
                         {"word", v.at.word + 1},
                         {"text", v.text},
                         {"kept", v.kept},
                         {"checked", v.checked}});
    return words;
}

std::string review_state_json(const ReviewState& state, const std::string& stem,
                              const std::string& ocr_file) {
    json words = verdicts_json(state.words);
    json decisions = json::array();
    for (const Decision& d : state.decisions) {
        json j = {{"time", d.time},
                  {"action", d.action},
                  {"page", optional_place(d.page)},
                  {"line", optional_place(d.line)},
                  {"word", optional_place(d.word)}};
        if (!d.before.empty()) j["before"] = d.before;
        if (!d.after.empty()) j["after"] = d.after;
        if (!d.note.empty()) j["note"] = d.note;
        decisions.push_back(std::move(j));
    }
    json doc = {{"scanfix_review", 1},
                {"stem", stem},
                {"ocr", ocr_file},
                {"reviewed", state.reviewed},
                {"saved", state.saved},
                {"words", std::move(words)},
                {"decisions", std::move(decisions)}};
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace scanfix::review
