// The correction stages as profiles name them (script_repair, letter_spacing,
// lexicon_correction, dehyphenate): each reads its parameters under "cleanup.<name>" and
// shares the run's lexicon (Lexicon::load caches it per options).
#include <memory>

#include "scanfix/cleanup/dehyphenate.hpp"
#include "scanfix/cleanup/letter_spacing.hpp"
#include "scanfix/cleanup/lexicon.hpp"
#include "scanfix/cleanup/lexicon_correction.hpp"
#include "scanfix/cleanup/script_repair.hpp"
#include "scanfix/cleanup/stage.hpp"
#include "scanfix/cleanup/stray_marks.hpp"

namespace scanfix {
namespace {

class ScriptRepairStage : public CleanupStage {
  public:
    ScriptRepairStage(const ScriptRepairParams& p, const LexiconOptions& lex)
        : repairer_(p, lex.dictionaries_dir, Lexicon::load(lex)) {}
    std::string name() const override { return "script_repair"; }
    void run(Document& doc, const Context&) const override { repairer_.run(doc, name()); }

  private:
    ScriptRepairer repairer_;
};

class LetterSpacingStage : public CleanupStage {
  public:
    LetterSpacingStage(const LetterSpacingParams& p, std::shared_ptr<const Lexicon> lex)
        : params_(p), lexicon_(std::move(lex)) {}
    std::string name() const override { return "letter_spacing"; }
    void run(Document& doc, const Context&) const override {
        join_letter_spacing(doc, *lexicon_, params_, name());
    }

  private:
    LetterSpacingParams params_;
    std::shared_ptr<const Lexicon> lexicon_;
};

class LexiconCorrectionStage : public CleanupStage {
  public:
    LexiconCorrectionStage(const LexiconCorrectionParams& p, const LexiconOptions& lex)
        : corrector_(p, lex.dictionaries_dir, Lexicon::load(lex)) {}
    std::string name() const override { return "lexicon_correction"; }
    void run(Document& doc, const Context& ctx) const override {
        corrector_.run(doc, name(), ctx.log);
    }

  private:
    LexiconCorrector corrector_;
};

class DehyphenateStage : public CleanupStage {
  public:
    DehyphenateStage(const DehyphenateParams& p, std::shared_ptr<const Lexicon> lex)
        : params_(p), lexicon_(std::move(lex)) {}
    std::string name() const override { return "dehyphenate"; }
    void run(Document& doc, const Context&) const override {
        dehyphenate(doc, *lexicon_, params_, name());
    }

  private:
    DehyphenateParams params_;
    std::shared_ptr<const Lexicon> lexicon_;
};

class StrayMarksStage : public CleanupStage {
  public:
    StrayMarksStage(const StrayMarksParams& p, std::shared_ptr<const Lexicon> lex)
        : params_(p), lexicon_(std::move(lex)) {}
    std::string name() const override { return "stray_marks"; }
    void run(Document& doc, const Context&) const override {
        remove_stray_marks(doc, *lexicon_, params_, name());
    }

  private:
    StrayMarksParams params_;
    std::shared_ptr<const Lexicon> lexicon_;
};

template <class Params>
std::function<std::vector<ParamSpec>()> specs_of(const std::string& name) {
    return [name] {
        std::vector<ParamSpec> specs = describe_params<Params>("cleanup." + name);
        // File names are settings, not a search space for tune.
        for (ParamSpec& s : specs)
            if (s.type == ParamType::Choice && s.choices.empty()) s.tunable = false;
        return specs;
    };
}

}  // namespace

std::vector<CleanupStageInfo> correction_stage_infos() {
    std::vector<CleanupStageInfo> v;
    v.push_back({"script_repair",
                 "homoglyph and script repair (ICU): look-alike letters, Roman month numerals, NFC",
                 [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                     return std::make_unique<ScriptRepairStage>(
                         read_params<ScriptRepairParams>(profile, "cleanup.script_repair"),
                         lexicon_options(profile, ctx));
                 },
                 specs_of<ScriptRepairParams>("script_repair")});
    v.push_back({"letter_spacing", "join letter-spaced words (Ш Т Ы К О В → ШТЫКОВ)",
                 [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                     return std::make_unique<LetterSpacingStage>(
                         read_params<LetterSpacingParams>(profile, "cleanup.letter_spacing"),
                         lexicon_for(profile, ctx));
                 },
                 specs_of<LetterSpacingParams>("letter_spacing")});
    v.push_back({"stray_marks",
                 "drop specks OCR glued to known words as quotes or dots (‘слово, смогут.вернуть)",
                 [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                     return std::make_unique<StrayMarksStage>(
                         read_params<StrayMarksParams>(profile, "cleanup.stray_marks"),
                         lexicon_for(profile, ctx));
                 },
                 specs_of<StrayMarksParams>("stray_marks")});
    v.push_back(
        {"lexicon_correction",
         "replace unknown words by the clearly best lexicon word within a small "
         "confusion-weighted edit distance",
         [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
             return std::make_unique<LexiconCorrectionStage>(
                 read_params<LexiconCorrectionParams>(profile, "cleanup.lexicon_correction"),
                 lexicon_options(profile, ctx));
         },
         specs_of<LexiconCorrectionParams>("lexicon_correction")});
    v.push_back({"dehyphenate",
                 "decide line-end hyphens with the lexicon: split word (пере-/дать) or compound",
                 [](const Profile& profile, const Context& ctx) -> std::unique_ptr<CleanupStage> {
                     return std::make_unique<DehyphenateStage>(
                         read_params<DehyphenateParams>(profile, "cleanup.dehyphenate"),
                         lexicon_for(profile, ctx));
                 },
                 specs_of<DehyphenateParams>("dehyphenate")});
    return v;
}

}  // namespace scanfix
