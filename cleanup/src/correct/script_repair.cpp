// Script and homoglyph repair with ICU: UScript per character decides which letters are
// foreign in a word, transliterators compiled from dictionaries/translit/ rules swap the
// look-alikes, Normalizer2 gives NFC. See script_repair.hpp.
#include "scanfix/cleanup/script_repair.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uscript.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace fs = std::filesystem;

namespace scanfix {

void ScriptRepairParams::validate() const {
    if (context_share < 0.5 || context_share > 1.0)
        throw ConfigError("", 0, "cleanup.script_repair.context_share must be in [0.5, 1]");
}

namespace {

enum class Script { Latin, Cyrillic, Greek, Other, None };

Script script_of(char32_t c) {
    if (c < 0x80) return correct::is_letter(c) ? Script::Latin : Script::None;
    if (c >= 0x400 && c <= 0x4FF) return Script::Cyrillic;
    if (!correct::is_letter(c)) return Script::None;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode s = uscript_getScript(UChar32(c), &status);
    if (U_FAILURE(status)) return Script::Other;
    switch (s) {
        case USCRIPT_LATIN:
            return Script::Latin;
        case USCRIPT_CYRILLIC:
            return Script::Cyrillic;
        case USCRIPT_GREEK:
            return Script::Greek;
        case USCRIPT_COMMON:
        case USCRIPT_INHERITED:
            return Script::None;
        default:
            return Script::Other;
    }
}

struct ScriptCounts {
    int latin = 0, cyrillic = 0, greek = 0, other = 0;
    void add(std::u32string_view w) {
        for (char32_t c : w) switch (script_of(c)) {
                case Script::Latin:
                    ++latin;
                    break;
                case Script::Cyrillic:
                    ++cyrillic;
                    break;
                case Script::Greek:
                    ++greek;
                    break;
                case Script::Other:
                    ++other;
                    break;
                case Script::None:
                    break;
            }
    }
    int scripts() const { return (latin > 0) + (cyrillic > 0) + (greek > 0) + (other > 0); }
};

std::unique_ptr<icu::Transliterator> compile_rules(const fs::path& path, const std::string& id) {
    std::ifstream in(path);
    if (!in) throw ConfigError(path.string(), 0, "transliteration rules not found");
    std::stringstream ss;
    ss << in.rdbuf();
    UParseError perr{};
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(id), icu::UnicodeString::fromUTF8(ss.str()), UTRANS_FORWARD,
        perr, status));
    if (U_FAILURE(status) || !t)
        throw ConfigError(path.string(), perr.line > 0 ? perr.line : 0,
                          std::string("bad ICU transliteration rules: ") + u_errorName(status));
    return t;
}

std::string transliterate_text(const icu::Transliterator& t, const std::string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    t.transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_month_numeral(const std::string& s) {
    static const char* months[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                   "VII", "VIII", "IX",  "X",  "XI", "XII"};
    for (const char* m : months)
        if (s == m) return true;
    return false;
}

// A Latin token that is itself a Roman numeral of I, V, X («X съезд», «III») stays Latin.
bool is_roman_ivx(std::u32string_view w) {
    if (w.empty()) return false;
    for (char32_t c : w)
        if (c != U'I' && c != U'V' && c != U'X') return false;
    return true;
}

size_t count_digits(std::u32string_view w, size_t from) {
    size_t n = 0;
    while (from + n < w.size() && correct::is_digit(w[from + n])) ++n;
    return n;
}

}  // namespace

struct ScriptRepairer::Impl {
    ScriptRepairParams params;
    std::shared_ptr<const Lexicon> lexicon;
    std::unique_ptr<icu::Transliterator> to_cyrillic, to_latin, roman;
    const icu::Normalizer2* nfc = nullptr;

    // «15.У.49г» → «15.V.49г»: day, month letters, year, optional «г». Empty when no date.
    std::string roman_date(const std::string& core) const {
        std::u32string w = utf32_of(core);
        size_t day = count_digits(w, 0);
        if (day < 1 || day > 2 || day >= w.size() || w[day] != U'.') return {};
        size_t m0 = day + 1, m1 = m0;
        while (m1 < w.size() && correct::is_letter(w[m1])) ++m1;
        if (m1 == m0 || m1 - m0 > 4 || m1 >= w.size() || w[m1] != U'.') return {};
        size_t year = count_digits(w, m1 + 1);
        if (year != 2 && year != 4) return {};
        std::u32string_view rest = std::u32string_view(w).substr(m1 + 1 + year);
        if (!rest.empty() && rest != U"г" && rest != U"г." && rest != U"года") return {};
        std::string month = utf8_of(std::u32string_view(w).substr(m0, m1 - m0));
        std::string latin = transliterate_text(*roman, month);
        if (latin == month || !is_month_numeral(latin)) return {};
        return utf8_of(std::u32string_view(w).substr(0, m0)) + latin +
               utf8_of(std::u32string_view(w).substr(m1));
    }

    bool all_in(const std::string& s, Script script) const {
        for (char32_t c : utf32_of(s)) {
            Script sc = script_of(c);
            if (sc != Script::None && sc != script) return false;
        }
        return true;
    }

    std::string homoglyphs(const std::string& core, double cyrillic_share,
                           std::string* reason) const {
        std::u32string w = utf32_of(core);
        ScriptCounts counts;
        counts.add(w);
        if (counts.other > 0) return core;
        if (counts.scripts() >= 2) {
            std::string c = transliterate_text(*to_cyrillic, core),
                        l = transliterate_text(*to_latin, core);
            bool c_ok = all_in(c, Script::Cyrillic), l_ok = all_in(l, Script::Latin);
            if (c_ok && l_ok) {
                // Both readings are clean: the lexicon, then the word's own majority, then
                // the letters around it decide.
                bool ck = lexicon && lexicon->knows(c), lk = lexicon && lexicon->knows(l);
                if (ck != lk)
                    l_ok = lk, c_ok = ck;
                else if (counts.cyrillic != counts.latin)
                    c_ok = counts.cyrillic > counts.latin, l_ok = !c_ok;
                else
                    c_ok = cyrillic_share >= 0.5, l_ok = !c_ok;
            }
            // One clean direction is taken only with the word's majority or its context:
            // «Mӧ» in German text (Latin M, Cyrillic ӧ) must not become Cyrillic.
            if (c_ok && !l_ok && counts.cyrillic < counts.latin + counts.greek &&
                cyrillic_share < 0.5)
                c_ok = false;
            if (l_ok && !c_ok && counts.latin < counts.cyrillic + counts.greek &&
                cyrillic_share >= 0.5)
                l_ok = false;
            if (c_ok) {
                *reason = "Latin or Greek look-alike letters in a Cyrillic word";
                return c;
            }
            if (l_ok) {
                *reason = "Cyrillic or Greek look-alike letters in a Latin word";
                return l;
            }
            return core;
        }
        if (!lexicon) return core;
        // A whole word of look-alikes: convert only among words of the other script, and
        // only when the lexicon knows the result.
        if ((counts.latin > 0 || counts.greek > 0) && cyrillic_share >= params.context_share &&
            !is_roman_ivx(w)) {
            std::string c = transliterate_text(*to_cyrillic, core);
            if (c != core && all_in(c, Script::Cyrillic) && lexicon->knows(c) &&
                !lexicon->knows(core)) {
                *reason = "word of Latin look-alike letters among Cyrillic words";
                return c;
            }
        }
        if (counts.cyrillic > 0 && 1.0 - cyrillic_share >= params.context_share) {
            std::string l = transliterate_text(*to_latin, core);
            if (l != core && all_in(l, Script::Latin) && lexicon->knows(l) &&
                !lexicon->knows(core)) {
                *reason = "word of Cyrillic look-alike letters among Latin words";
                return l;
            }
        }
        return core;
    }
};

ScriptRepairer::ScriptRepairer(const ScriptRepairParams& params,
                               const std::string& dictionaries_dir,
                               std::shared_ptr<const Lexicon> lexicon)
    : impl_(std::make_unique<Impl>()) {
    params.validate();
    impl_->params = params;
    impl_->lexicon = std::move(lexicon);
    fs::path dir(dictionaries_dir);
    impl_->to_cyrillic = compile_rules(dir / params.to_cyrillic_rules, "scanfix-to-cyrillic");
    impl_->to_latin = compile_rules(dir / params.to_latin_rules, "scanfix-to-latin");
    impl_->roman = compile_rules(dir / params.roman_rules, "scanfix-roman-numerals");
    UErrorCode status = U_ZERO_ERROR;
    impl_->nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) throw Error("ICU NFC normaliser unavailable");
}

ScriptRepairer::~ScriptRepairer() = default;

std::string ScriptRepairer::repair(const std::string& token, double cyrillic_share,
                                   std::string* reason) const {
    // Most words are NFC, of one script, and no date: settle those on the bytes alone.
    correct::QuickScan q = correct::quick_scan(token);
    if (q.simple) {
        bool date = q.digit && token.find('.') != std::string::npos && impl_->params.roman_dates;
        bool mixed = q.latin > 0 && q.cyrillic > 0;
        bool convertible = (q.latin > 0 && cyrillic_share >= impl_->params.context_share) ||
                           (q.cyrillic > 0 && 1.0 - cyrillic_share >= impl_->params.context_share);
        if (!date && !(impl_->params.homoglyphs && (mixed || convertible))) {
            if (reason) reason->clear();
            return token;
        }
    }
    std::string why;
    std::string text = token;
    if (impl_->params.nfc && !q.simple) {
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(token);
        if (!impl_->nfc->isNormalized(u, status) && U_SUCCESS(status)) {
            icu::UnicodeString n = impl_->nfc->normalize(u, status);
            if (U_SUCCESS(status)) {
                text.clear();
                n.toUTF8String(text);
                why = "Unicode NFC normalisation";
            }
        }
    }
    correct::TokenParts parts = correct::split_token(text);
    std::string core = parts.core;
    if (!core.empty() && impl_->params.roman_dates) {
        std::string d = impl_->roman_date(core);
        if (!d.empty()) {
            core = d;
            why = "Roman month numeral in a date";
        }
    }
    if (!core.empty() && impl_->params.homoglyphs && why != "Roman month numeral in a date") {
        std::string r;
        std::string h = impl_->homoglyphs(core, cyrillic_share, &r);
        if (h != core) {
            core = h;
            why = r;
        }
    }
    if (reason) *reason = why;
    return why.empty() ? token : parts.lead + core + parts.trail;
}

void ScriptRepairer::run(Document& doc, const std::string& stage_name) const {
    for (Page& page : doc) {
        // Letters per script of every word, then of each line and the page.
        std::vector<std::vector<correct::QuickScan>> scans(page.lines.size());
        int page_latin = 0, page_cyrillic = 0;
        for (size_t li = 0; li < page.lines.size(); ++li) {
            const Line& line = page.lines[li];
            scans[li].resize(line.words.size());
            if (line.removed) continue;
            for (size_t wi = 0; wi < line.words.size(); ++wi) {
                if (line.words[wi].removed) continue;
                scans[li][wi] = correct::quick_scan(line.words[wi].text);
                page_latin += scans[li][wi].latin;
                page_cyrillic += scans[li][wi].cyrillic;
            }
        }
        for (int li = 0; li < int(page.lines.size()); ++li) {
            Line& line = page.lines[li];
            if (line.removed) continue;
            int line_latin = 0, line_cyrillic = 0;
            for (const auto& q : scans[li]) line_latin += q.latin, line_cyrillic += q.cyrillic;
            for (int wi = 0; wi < int(line.words.size()); ++wi) {
                const Word& w = line.words[wi];
                if (w.removed || w.text.empty()) continue;
                // Letters around the word: its line without it, else its page without it.
                const correct::QuickScan& own = scans[li][wi];
                int lat = line_latin - own.latin, cyr = line_cyrillic - own.cyrillic;
                if (lat + cyr < 8) {
                    lat = page_latin - own.latin;
                    cyr = page_cyrillic - own.cyrillic;
                }
                double share = lat + cyr > 0 ? double(cyr) / (lat + cyr) : 0.5;
                std::string reason;
                std::string fixed = repair(w.text, share, &reason);
                if (fixed != w.text) page.replace_word(li, wi, fixed, stage_name, reason);
            }
        }
    }
}

}  // namespace scanfix
