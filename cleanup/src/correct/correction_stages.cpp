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

// A correction built once, run over the document as one stage.
template <class Corrector>
std::unique_ptr<CleanupStage> correction_stage(const std::string& name,
                                               std::shared_ptr<const Corrector> corrector) {
    return std::make_unique<DocumentStage>(
        name, [name, corrector](Document& doc, const Context&) { corrector->run(doc, name); });
}

// A correction that is a free function of the document, its parameters and the lexicon.
template <class Params, class Fn>
std::unique_ptr<CleanupStage> lexicon_stage(const std::string& name, const Params& params,
                                            std::shared_ptr<const Lexicon> lexicon, Fn fn) {
    return std::make_unique<DocumentStage>(
        name, [name, params, lexicon, fn](Document& doc, const Context&) {
            fn(doc, *lexicon, params, name);
        });
}

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
                 [](const Profile& profile, const Context& ctx) {
                     const LexiconOptions lex = lexicon_options(profile, ctx);
                     return correction_stage<ScriptRepairer>(
                         "script_repair",
                         std::make_shared<const ScriptRepairer>(
                             read_params<ScriptRepairParams>(profile, "cleanup.script_repair"),
                             lex.dictionaries_dir, Lexicon::load(lex)));
                 },
                 specs_of<ScriptRepairParams>("script_repair")});
    v.push_back({"letter_spacing", "join letter-spaced words (Ш Т Ы К О В → ШТЫКОВ)",
                 [](const Profile& profile, const Context& ctx) {
                     return lexicon_stage(
                         "letter_spacing",
                         read_params<LetterSpacingParams>(profile, "cleanup.letter_spacing"),
                         lexicon_for(profile, ctx), join_letter_spacing);
                 },
                 specs_of<LetterSpacingParams>("letter_spacing")});
    v.push_back({"stray_marks",
                 "drop specks OCR glued to known words as quotes or dots (‘слово, смогут.вернуть)",
                 [](const Profile& profile, const Context& ctx) {
                     return lexicon_stage(
                         "stray_marks",
                         read_params<StrayMarksParams>(profile, "cleanup.stray_marks"),
                         lexicon_for(profile, ctx), remove_stray_marks);
                 },
                 specs_of<StrayMarksParams>("stray_marks")});
    v.push_back({"lexicon_correction",
                 "replace unknown words by the clearly best lexicon word within a small "
                 "confusion-weighted edit distance",
                 [](const Profile& profile, const Context& ctx) {
                     const LexiconOptions lex = lexicon_options(profile, ctx);
                     return correction_stage<LexiconCorrector>(
                         "lexicon_correction", std::make_shared<const LexiconCorrector>(
                                                   read_params<LexiconCorrectionParams>(
                                                       profile, "cleanup.lexicon_correction"),
                                                   lex.dictionaries_dir, Lexicon::load(lex)));
                 },
                 specs_of<LexiconCorrectionParams>("lexicon_correction")});
    v.push_back({"dehyphenate",
                 "decide line-end hyphens with the lexicon: split word (пере-/дать) or compound",
                 [](const Profile& profile, const Context& ctx) {
                     return lexicon_stage(
                         "dehyphenate",
                         read_params<DehyphenateParams>(profile, "cleanup.dehyphenate"),
                         lexicon_for(profile, ctx), dehyphenate);
                 },
                 specs_of<DehyphenateParams>("dehyphenate")});
    return v;
}

}  // namespace scanfix
