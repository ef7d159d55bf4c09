// Lexicon::load: hunspell dictionaries (libhunspell, Debian's /usr/share/hunspell) plus the
// curated word lists in dictionaries/<lang>/words/ and the per-archive lists a profile names.
// Lookups are cached per distinct token, so a long document costs one hunspell call per word.
#include "scanfix/cleanup/lexicon.hpp"

#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "word_shape.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

using correct::to_u32;
using correct::to_u8;

// Tesseract language codes to the hunspell dictionary names Debian installs.
std::vector<std::string> hunspell_names(const std::string& lang) {
    static const std::map<std::string, std::vector<std::string>> names = {
        {"rus", {"ru_RU"}}, {"eng", {"en_US", "en_GB"}}, {"deu", {"de_DE", "de_AT", "de_CH"}},
        {"dan", {"da_DK"}}, {"ces", {"cs_CZ"}},          {"ukr", {"uk_UA"}},
        {"pol", {"pl_PL"}}, {"fra", {"fr_FR"}},          {"bel", {"be_BY"}},
    };
    auto it = names.find(lang);
    if (it != names.end()) return it->second;
    return {lang};  // a hunspell name given directly, e.g. "ru_RU"
}

std::vector<fs::path> hunspell_dirs() {
    std::vector<fs::path> dirs;
    // DICPATH is hunspell's own convention for extra dictionary folders.
    if (const char* env = std::getenv("DICPATH"); env && *env) {
        std::stringstream ss(env);
        std::string d;
        while (std::getline(ss, d, ':'))
            if (!d.empty()) dirs.emplace_back(d);
    }
    for (const char* d : {"/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"})
        dirs.emplace_back(d);
    return dirs;
}

std::vector<std::string> split_languages(const std::string& language) {
    std::vector<std::string> out;
    std::stringstream ss(language);
    std::string part;
    while (std::getline(ss, part, '+'))
        if (!part.empty()) out.push_back(part);
    return out;
}

// One hunspell dictionary, converting to and from its declared encoding (most Debian
// dictionaries are UTF-8, a few older ones ISO 8859).
class Dictionary {
  public:
    Dictionary(const fs::path& aff, const fs::path& dic)
        : hs_(aff.string().c_str(), dic.string().c_str()) {
        std::string enc = hs_.get_dict_encoding();
        std::transform(enc.begin(), enc.end(), enc.begin(), ::tolower);
        encoding_ = (enc == "utf-8" || enc == "utf8") ? "" : enc;
    }
    bool spell(const std::string& w) { return hs_.spell(to_dict(w)); }
    std::vector<std::string> suggest(const std::string& w) {
        std::vector<std::string> out;
        for (const auto& s : hs_.suggest(to_dict(w))) out.push_back(from_dict(s));
        return out;
    }
    // Adds a curated word, inflected like `example` when hunspell knows it. The example may
    // be any form (Волынский): its dictionary stem (волынский) carries the affix flags.
    void add(const std::string& w, const std::string& example) {
        std::string word = to_dict(w);
        if (!example.empty()) {
            std::string ex = to_dict(example);
            if (hs_.add_with_affix(word, ex) == 0) return;
            for (const std::string& stem : hs_.stem(ex))
                if (hs_.add_with_affix(word, stem) == 0) return;
        }
        hs_.add(word);
    }

  private:
    std::string to_dict(const std::string& s) const {
        if (encoding_.empty()) return s;
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
        std::string out(size_t(u.length()) * 4 + 1, '\0');
        int32_t n = u.extract(0, u.length(), out.data(), uint32_t(out.size()), encoding_.c_str());
        out.resize(size_t(std::max(0, n)));
        return out;
    }
    std::string from_dict(const std::string& s) const {
        if (encoding_.empty()) return s;
        icu::UnicodeString u(s.data(), int32_t(s.size()), encoding_.c_str());
        std::string out;
        u.toUTF8String(out);
        return out;
    }
    Hunspell hs_;
    std::string encoding_;
};

class HunspellLexicon : public Lexicon {
  public:
    explicit HunspellLexicon(const LexiconOptions& options) {
        fs::path dict_dir = options.dictionaries_dir.empty() ? fs::path(dictionaries_dir())
                                                             : fs::path(options.dictionaries_dir);
        for (const std::string& lang : split_languages(options.language)) {
            open_dictionary(lang);
            // Curated lists of the language: names, places, abbreviations of the period.
            fs::path words = dict_dir / lang / "words";
            std::vector<fs::path> lists;
            if (fs::is_directory(words))
                for (const auto& e : fs::directory_iterator(words))
                    if (e.path().extension() == ".txt") lists.push_back(e.path());
            std::sort(lists.begin(), lists.end());
            for (const auto& l : lists) read_list(l);
            read_variants(dict_dir / lang / "lookup_variants.txt");
        }
        for (const std::string& l : options.extra_word_lists) {
            if (!fs::is_regular_file(l)) throw ConfigError(l, 0, "word list not found");
            read_list(l);
        }
    }

    bool knows(const std::string& word) const override {
        std::lock_guard<std::mutex> lock(mu_);
        auto it = cache_.find(word);
        if (it != cache_.end()) return it->second;
        if (cache_.size() > 2'000'000) cache_.clear();  // bound memory on huge inputs
        bool known = compute(correct::split_token(word).core, true);
        cache_.emplace(word, known);
        return known;
    }

    std::vector<std::string> suggest(const std::string& word) const override {
        std::string core = correct::split_token(word).core;
        std::lock_guard<std::mutex> lock(mu_);
        std::vector<std::string> out;
        for (auto& d : dicts_)
            for (auto& s : d->suggest(core))
                if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
        return out;
    }

    bool has_dictionary() const override { return !dicts_.empty(); }

  private:
    void open_dictionary(const std::string& lang) {
        for (const std::string& name : hunspell_names(lang))
            for (const fs::path& dir : hunspell_dirs()) {
                fs::path aff = dir / (name + ".aff"), dic = dir / (name + ".dic");
                if (fs::is_regular_file(aff) && fs::is_regular_file(dic)) {
                    dicts_.push_back(std::make_unique<Dictionary>(aff, dic));
                    return;
                }
            }
        // No installed dictionary: the curated lists alone stand for the language.
    }

    // A list holds entries separated by white space; "#" starts a comment. "word/example"
    // lets hunspell inflect the word like the example (Бэйпин/Пекин knows Бэйпине, Бэйпина).
    void read_list(const fs::path& path) {
        std::ifstream in(path);
        if (!in) throw ConfigError(path.string(), 0, "cannot read word list");
        std::string line;
        while (std::getline(in, line)) {
            if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
            std::stringstream ss(line);
            std::string entry;
            while (ss >> entry) {
                std::string example;
                if (auto slash = entry.find('/'); slash != std::string::npos && slash > 0) {
                    example = entry.substr(slash + 1);
                    entry.erase(slash);
                }
                std::string core = correct::split_token(entry).core;
                if (core.empty()) continue;
                listed_.insert(to_u8(correct::lower(to_u32(core))));
                for (auto& d : dicts_) d->add(core, example);
            }
        }
    }

    // Optional ICU rules mapping a word to the spelling the dictionary may list instead.
    void read_variants(const fs::path& path) {
        std::ifstream in(path);
        if (!in) return;
        std::stringstream ss;
        ss << in.rdbuf();
        UParseError perr{};
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
            icu::UnicodeString::fromUTF8("scanfix-lookup-variants"),
            icu::UnicodeString::fromUTF8(ss.str()), UTRANS_FORWARD, perr, status));
        if (U_FAILURE(status) || !t)
            throw ConfigError(path.string(), perr.line,
                              std::string("bad ICU transliteration rules: ") + u_errorName(status));
        icu::UnicodeSet source;
        t->getSourceSet(source);
        source.freeze();
        variant_sources_.push_back(std::move(source));
        variants_.push_back(std::move(t));
    }

    bool spelled(const std::string& w) const {
        for (auto& d : dicts_)
            if (d->spell(w)) return true;
        return false;
    }

    // `core` has no surrounding punctuation. Tries the word as written, in lower case and in
    // title case, so a capitalised sentence start and a lower-cased name both count.
    bool compute(const std::string& core, bool split_hyphens) const {
        if (core.empty()) return false;
        if (correct::has_digit(to_u32(core))) return false;
        if (compute_plain(core)) return true;
        for (const std::string& v : variants_of(core))
            if (compute_plain(v)) return true;
        if (split_hyphens && core.find('-') != std::string::npos) {
            // A compound is known when each part is (Народно-освободительной, Цзе-дун).
            std::stringstream ss(core);
            std::string part;
            bool any = false;
            while (std::getline(ss, part, '-')) {
                if (part.empty() || !compute(part, false)) return false;
                any = true;
            }
            return any;
        }
        return false;
    }

    // The word as written, lower case or title case, in the lists or the dictionaries.
    // Hunspell accepts a capitalised form of any lower-case entry and every case of a
    // capitalised one, so one call settles a word in lower, title or upper case; that keeps a
    // negative answer (the common case for correction candidates) at a single look-up.
    bool compute_plain(const std::string& core) const {
        std::u32string u = to_u32(core);
        std::u32string lo = correct::lower(u);
        std::string lo8 = to_u8(lo);
        if (listed_.count(lo8)) return true;
        switch (correct::case_shape(u)) {
            case correct::CaseShape::Lower:
                return spelled(to_u8(correct::apply_case(lo, correct::CaseShape::Title)));
            case correct::CaseShape::Title:
            case correct::CaseShape::Upper:
                return spelled(core);
            case correct::CaseShape::Mixed:
                break;
        }
        return spelled(core) || spelled(to_u8(correct::apply_case(lo, correct::CaseShape::Title)));
    }

    // The spelling variants of a word that the variant rules change, if any.
    std::vector<std::string> variants_of(const std::string& core) const {
        std::vector<std::string> out;
        for (size_t i = 0; i < variants_.size(); ++i) {
            // Only words holding a letter the rules rewrite (ё) pay for transliteration.
            const icu::UnicodeSet& source = variant_sources_[i];
            if (source.spanUTF8(core.data(), int32_t(core.size()), USET_SPAN_NOT_CONTAINED) ==
                int32_t(core.size()))
                continue;
            icu::UnicodeString u = icu::UnicodeString::fromUTF8(core);
            variants_[i]->transliterate(u);
            std::string v;
            u.toUTF8String(v);
            if (v != core) out.push_back(std::move(v));
        }
        return out;
    }

    std::vector<std::unique_ptr<Dictionary>> dicts_;
    std::vector<std::unique_ptr<icu::Transliterator>> variants_;
    std::vector<icu::UnicodeSet> variant_sources_;
    std::unordered_set<std::string> listed_;
    mutable std::mutex mu_;  // hunspell is not thread-safe, and the cache is shared
    mutable std::unordered_map<std::string, bool> cache_;
};

std::string resolve_dictionaries_dir(const Context& ctx) {
    return ctx.data_dir.empty() ? dictionaries_dir()
                                : (fs::path(ctx.data_dir) / "dictionaries").string();
}

}  // namespace

std::shared_ptr<const Lexicon> Lexicon::load(const LexiconOptions& options) {
    static std::mutex mu;
    // Never destroyed: tearing down a large hunspell dictionary at exit costs a tenth of a
    // second per process for nothing; the operating system reclaims the memory.
    static auto& cache = *new std::map<std::string, std::shared_ptr<const Lexicon>>;
    std::string key = options.language + '\n' + options.dictionaries_dir;
    for (const auto& l : options.extra_word_lists) key += '\n' + l;
    std::lock_guard<std::mutex> lock(mu);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    auto lexicon = std::make_shared<const HunspellLexicon>(options);
    cache.emplace(key, lexicon);
    return lexicon;
}

namespace {
struct LexiconParams {
    std::string language = "rus";
    template <class V>
    void describe(V& v) {
        v("language", language, {},
          "Tesseract-style language code of the lexicon (rus, deu, rus+eng, ...); hunspell "
          "dictionary when installed, curated lists in dictionaries/<lang>/words/ always");
    }
    void validate() const {}
};
}  // namespace

LexiconOptions lexicon_options(const Profile& profile, const Context& ctx) {
    LexiconOptions o;
    o.language = read_params<LexiconParams>(profile, "cleanup.lexicon").language;
    if (o.language.empty()) o.language = "rus";
    o.dictionaries_dir = resolve_dictionaries_dir(ctx);
    const std::string key = "cleanup.lexicon.lists";
    if (const ProfileEntry* e = profile.find(key)) {
        for (const std::string& name : e->values) {
            fs::path as_given(name);
            if (as_given.is_relative() && !e->file.empty() && !fs::exists(as_given))
                as_given = fs::path(e->file).parent_path() / name;
            std::vector<fs::path> tries = {
                as_given, fs::path(o.dictionaries_dir) / "archives" / (name + ".txt"),
                fs::path(o.dictionaries_dir) / (name + ".txt")};
            auto found = std::find_if(tries.begin(), tries.end(),
                                      [](const fs::path& p) { return fs::is_regular_file(p); });
            if (found == tries.end())
                throw ConfigError(e->file, e->line,
                                  "'" + key + "': word list '" + name +
                                      "' not found (a path, or dictionaries/archives/" + name +
                                      ".txt)");
            o.extra_word_lists.push_back(found->string());
        }
    }
    return o;
}

std::shared_ptr<const Lexicon> lexicon_for(const Profile& profile, const Context& ctx) {
    return Lexicon::load(lexicon_options(profile, ctx));
}

std::vector<ParamSpec> lexicon_param_specs() {
    std::vector<ParamSpec> specs = describe_params<LexiconParams>("cleanup.lexicon");
    for (auto& s : specs) s.tunable = false;
    ParamSpec lists;
    lists.name = "cleanup.lexicon.lists";
    lists.type = ParamType::List;
    lists.help = "extra word lists (a list): paths, or names in dictionaries/archives/";
    lists.tunable = false;
    specs.push_back(lists);
    return specs;
}

}  // namespace scanfix
