// The cleanup pipeline: transcriptions into the line model, the profile's stages in order, and
// the description of every cleanup parameter (see pipeline.hpp).
#include "scanfix/cleanup/pipeline.hpp"

#include <fmt/core.h>

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

Document document_from_text(const std::string& text, const std::string& source) {
    Document doc;
    auto new_page = [&] {
        Page page;
        page.source = source;
        page.index = int(doc.size());
        page.from_text = true;
        doc.push_back(std::move(page));
    };
    new_page();
    int paragraph = 0;
    bool blank_seen = false;
    Line line;
    auto end_line = [&] {
        if (line.words.empty()) {
            blank_seen = true;
        } else {
            Page& page = doc.back();
            if (blank_seen && !page.lines.empty()) ++paragraph;
            line.paragraph = paragraph;
            page.lines.push_back(std::move(line));
            blank_seen = false;
        }
        line = Line();
    };
    size_t word_start = std::string::npos;
    auto end_word = [&](size_t at) {
        if (word_start == std::string::npos) return;
        Word w;
        w.text = text.substr(word_start, at - word_start);
        line.words.push_back(std::move(w));
        word_start = std::string::npos;
    };
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '\n' || c == '\f') {
            end_word(i);
            end_line();
            if (c == '\f') {
                new_page();
                paragraph = 0;
                blank_seen = false;
            }
            ++i;
            continue;
        }
        if (size_t sp = space_at(text, i)) {
            end_word(i);
            i += sp;
            continue;
        }
        if (word_start == std::string::npos) word_start = i;
        ++i;
    }
    end_word(text.size());
    end_line();
    // A form feed at the very end starts no page of its own.
    if (doc.size() > 1 && doc.back().lines.empty()) doc.pop_back();
    return doc;
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
