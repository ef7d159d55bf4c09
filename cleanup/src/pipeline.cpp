// The cleanup pipeline: transcriptions into the line model, the profile's stages in order, and
// the description of every cleanup parameter (see pipeline.hpp).
#include "scanfix/cleanup/pipeline.hpp"

#include <fmt/core.h>
#include <limits>

#include <chrono>
#include <set>

#include "filter_stages.hpp"
#include "scanfix/cleanup/filters.hpp"
#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/stage.hpp"
#include "scanfix/core/error.hpp"

namespace scanfix {
namespace {

// Length of a white-space character at s[i] (ASCII blanks, no-break and narrow no-break
// spaces as transcriptions use them), or 0.
size_t space_at(const std::string& s, size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) == 0xAF ||
         static_cast<unsigned char>(s[i + 2]) == 0x87))
        return 3;
    return 0;
}

}  // namespace

TextWindows::TextWindows(const std::string& text, std::string source, size_t max_lines,
                         size_t max_words)
    : text_(text), source_(std::move(source)), max_lines_(max_lines), max_words_(max_words) {}

bool TextWindows::next(TextWindow& window) {
    if (windows_ > 0 && at_ >= text_.size()) return false;
    window = TextWindow();
    Document& doc = window.doc;
    size_t lines = 0, words = 0;
    auto new_page = [&] {
        Page page;
        page.source = source_;
        page.index = page_;
        page.from_text = true;
        doc.push_back(std::move(page));
    };
    // A window that starts inside a page carries that page on.
    window.continues_last_page = windows_ > 0 && !after_page_break_;
    window.first_line = window.continues_last_page ? page_lines_ : 0;
    new_page();
    ++windows_;
    Line line;
    auto end_line = [&] {
        if (line.words.empty()) {
            blank_seen_ = true;
        } else {
            if (blank_seen_ && page_lines_ > 0) ++paragraph_;
            line.paragraph = paragraph_;
            doc.back().lines.push_back(std::move(line));
            ++page_lines_;
            ++lines;
            blank_seen_ = false;
        }
        line = Line();
    };
    size_t word_start = std::string::npos;
    auto end_word = [&](size_t at) {
        if (word_start == std::string::npos) return;
        Word w;
        w.text = text_.substr(word_start, at - word_start);
        line.words.push_back(std::move(w));
        ++words;
        word_start = std::string::npos;
    };
    // Past three quarters of the budget a window ends at the next page or paragraph break; at
    // the budget, at the next line end (or inside a line of more words than the budget).
    auto full = [&](bool at_break) {
        const bool over = lines >= max_lines_ || words >= max_words_;
        const bool near = lines >= max_lines_ / 4 * 3 || words >= max_words_ / 4 * 3;
        return over || (near && at_break);
    };
    for (size_t& i = at_; i < text_.size();) {
        const char c = text_[i];
        if (c == '\n' || c == '\f') {
            end_word(i);
            const bool blank = line.words.empty();
            end_line();
            ++i;
            after_page_break_ = c == '\f';
            if (c == '\f') {
                ++page_;
                page_lines_ = 0;
                paragraph_ = 0;
                blank_seen_ = false;
                if (i < text_.size() && full(true)) return true;
                new_page();
            } else if (i < text_.size() && full(blank)) {
                return true;
            }
            continue;
        }
        if (size_t sp = space_at(text_, i)) {
            end_word(i);
            i += sp;
            if (words >= max_words_ && i < text_.size()) {
                end_line();  // a line longer than any page: cut inside it
                after_page_break_ = false;
                return true;
            }
            continue;
        }
        if (word_start == std::string::npos) word_start = i;
        ++i;
    }
    end_word(text_.size());
    end_line();
    // A form feed at the very end starts no page of its own.
    if (doc.size() > 1 && doc.back().lines.empty()) doc.pop_back();
    return true;
}

Document document_from_text(const std::string& text, const std::string& source) {
    TextWindows windows(text, source, std::numeric_limits<size_t>::max(),
                        std::numeric_limits<size_t>::max());
    TextWindow window;
    windows.next(window);
    return std::move(window.doc);
}

namespace {

// Every key a profile may set under "cleanup.": the stage list and every described parameter.
std::set<std::string> known_cleanup_keys() {
    std::set<std::string> keys;
    for (const ParamSpec& spec : cleanup_param_specs()) keys.insert(spec.name);
    return keys;
}

void check_cleanup_keys(const Profile& profile) {
    static const std::set<std::string> known = known_cleanup_keys();
    for (const auto& [key, entry] : profile.entries()) {
        if (key.rfind("cleanup.", 0) != 0 || known.count(key)) continue;
        throw ConfigError(entry.file, entry.line,
                          "unknown key '" + key + "' (see scanfix clean --print-params)");
    }
}

}  // namespace

Cleanup::Cleanup(const Profile& profile, const Context& ctx) {
    check_cleanup_keys(profile);
    const ProfileEntry* list = profile.find("cleanup.stages");
    if (list) {
        for (const std::string& name : list->values) {
            const CleanupStageInfo* info = find_cleanup_stage(name);
            if (!info) {
                std::string names;
                for (const auto& s : cleanup_stages())
                    names += (names.empty() ? "" : ", ") + s.name;
                throw ConfigError(list->file, list->line,
                                  "unknown cleanup stage '" + name + "' (known: " + names + ")");
            }
            stages_.push_back(info->make(profile, ctx));
        }
    }
}

Cleanup::~Cleanup() = default;
Cleanup::Cleanup(Cleanup&&) noexcept = default;

void Cleanup::run(Document& doc, const Context& ctx) const {
    for (const auto& stage : stages_) {
        const auto t0 = std::chrono::steady_clock::now();
        stage->run(doc, ctx);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count();
        ctx.info(fmt::format("{}: cleanup {} {:.0f} ms", doc.empty() ? "" : doc.front().label(),
                             stage->name(), ms));
    }
    for (Page& page : doc) rejoin_across_removed_lines(page);
}

void run_cleanup(Document& doc, const Context& ctx) {
    if (!ctx.profile) throw ConfigError("", 0, "cleanup needs a profile");
    Cleanup(*ctx.profile, ctx).run(doc, ctx);
}

std::vector<ParamSpec> cleanup_param_specs() {
    std::vector<ParamSpec> specs;
    std::vector<std::string> names;
    for (const auto& s : cleanup_stages()) names.push_back(s.name);
    specs.push_back({"cleanup.stages", ParamType::List, "", 0, 0, names,
                     "list of cleanup stages to run, in order", false});
    for (ParamSpec& spec : lexicon_param_specs()) specs.push_back(std::move(spec));
    for (const auto& stage : cleanup_stages())
        for (ParamSpec& spec : stage.params()) specs.push_back(std::move(spec));
    return specs;
}

}  // namespace scanfix
