// Lexicon correction: confusion-weighted candidates, case kept, conservative refusals.
#include <catch2/catch.hpp>

#include <sstream>

#include "correct_fixtures.hpp"
#include "scanfix/cleanup/lexicon_correction.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/layout.hpp"
#include "scanfix/core/text.hpp"

using namespace scanfix;

namespace {

std::string corrected(const std::string& text, std::shared_ptr<const Lexicon> lex,
                      LexiconCorrectionParams p = {}) {
    LexiconCorrector c(p, test::dictionaries(), lex);
    Document doc{test::page_of(text)};
    c.run(doc);
    return render_text(doc, Layout::Diplomatic);
}
}  // namespace

TEST_CASE("the confusion table defines a weighted edit distance") {
    ConfusionTable t = ConfusionTable::parse("и <> п 0.3\nrn > m 0.3\n# comment\n", "t.txt");
    CHECK(t.entries().size() == 3);
    CHECK(t.distance(U"ихеньяна", U"пхеньяна", 1.0) == Approx(0.3));
    CHECK(t.distance(U"пхеньяна", U"ихеньяна", 1.0) == Approx(0.3));
    CHECK(t.distance(U"rnodern", U"modern", 1.0) == Approx(0.3));
    CHECK(t.distance(U"modern", U"rnodern", 1.0) == Approx(2.0));  // one-way pair
    CHECK(t.distance(U"кот", U"кит", 1.0) == Approx(1.0));
    CHECK(t.distance(U"", U"да", 1.0) == Approx(2.0));
    CHECK_THROWS_AS(ConfusionTable::parse("и п\n", "bad.txt"), ConfigError);
    CHECK_THROWS_AS(ConfusionTable::parse("и <> п x\n", "bad.txt"), ConfigError);
    CHECK_THROWS_AS(ConfusionTable::load("/no/such/table.txt"), ConfigError);
}

TEST_CASE("an unknown word becomes the clearly best lexicon word, keeping its case") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(corrected("ИХЕНЬЯНА", lex) == "ПХЕНЬЯНА\n");
    CHECK(corrected("выехал из Ихеньяна 28 апреля", lex) == "выехал из Пхеньяна 28 апреля\n");
    CHECK(corrected("общая тетрадь", lex) == "общая тетрадь\n");
    CHECK(corrected("иэвестно", lex) == "известно\n");  // э read for з
}

TEST_CASE("numbers, abbreviations, known and unfamiliar words are never touched") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    std::string text = "ЦК КПК НОА 520745 14.V.49 Ким Ир Сен Бэйпине Мукдене Шмыргунделя\n";
    CHECK(corrected(text, lex) == text);
    // a word used often in the document is a name, not a misreading
    std::string names = "Ихеньяна Ихеньяна Ихеньяна Ихеньяна\n";
    CHECK(corrected(names, lex) == names);
}

TEST_CASE("halves of a word split at a line end are left to dehyphenate") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    std::string text = "с просьбой Ихенья-\nна передать\n";
    CHECK(corrected(text, lex) == text);
}

TEST_CASE("replacements are logged with the stage and a reason") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LexiconCorrector c({}, test::dictionaries(), lex);
    Document doc{test::page_of("в ИХЕНЬЯНА.")};
    c.run(doc);
    REQUIRE(doc[0].log.size() == 1);
    CHECK(doc[0].log[0].stage == "lexicon_correction");
    CHECK(doc[0].log[0].before == "ИХЕНЬЯНА.");
    CHECK(doc[0].log[0].after == "ПХЕНЬЯНА.");
    CHECK(doc[0].log[0].reason.find("cost") != std::string::npos);
}

TEST_CASE("the candidates weighed go to the caller's log sink, not to stderr") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LexiconCorrector c({}, test::dictionaries(), lex);
    Document doc{test::page_of("в ИХЕНЬЯНА.")};
    std::vector<std::pair<LogLevel, std::string>> notes;
    c.run(doc, "lexicon_correction",
          [&](LogLevel level, const std::string& msg) { notes.emplace_back(level, msg); });
    REQUIRE(notes.size() == 1);  // one unknown word, one note; "в" is known
    CHECK(notes[0].first == LogLevel::Debug);
    CHECK(notes[0].second.find("«ИХЕНЬЯНА»") != std::string::npos);
    CHECK(notes[0].second.find("пхеньяна 0.") != std::string::npos);
    // Without a sink the same run is silent and corrects the same way.
    Document again{test::page_of("в ИХЕНЬЯНА.")};
    c.run(again);
    CHECK(again[0].log.size() == doc[0].log.size());
}

TEST_CASE("compounds are corrected as a whole, short words only towards frequent words") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    CHECK(corrected("Мао Цэе-дун", lex) == "Мао Цзе-дун\n");
    // two readings (севере-, северо-) within the margin: left as it is
    CHECK(corrected("Северс-восточного бюро", lex) == "Северс-восточного бюро\n");
    // «чтс» is short: corrected only where the document uses «что» often
    CHECK(corrected("он сказал чтс", lex) == "он сказал чтс\n");
    CHECK(corrected("что было, что будет, что есть, чтс", lex) ==
          "что было, что будет, что есть, что\n");
    // a repeated misreading yields to a correction the document uses more often still
    CHECK(
        corrected("ответнл ответнл ответнл ответнл ответил ответил ответил ответил ответил", lex) ==
        "ответил ответил ответил ответил ответил ответил ответил ответил ответил\n");
}

TEST_CASE("hunspell suggestions can add candidates beyond the confusion table") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LexiconCorrectionParams p;
    p.use_suggestions = true;
    p.generic_cost = 0.6;  // a single edit outside the table is acceptable here
    // «двизии»: a dropped letter no confusion pair explains
    CHECK(corrected("две двизии", lex, p) == "две дивизии\n");
    CHECK(corrected("две двизии", lex) == "две двизии\n");
}

TEST_CASE("most injected confusions are repaired and no correct word is changed") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    // A clean text; every fourth long word gets one confusion from the table, read backwards
    // (the page shows READ where MEANT was typed).
    const std::string clean =
        "Правительство получило сообщение о положении на границе и поручило министерству "
        "подготовить доклад о состоянии дорог мостов и складов в северных районах страны "
        "Комиссия рассмотрела предложения областных организаций и признала необходимым "
        "увеличить количество машин для перевозки хлеба удобрений и строительных материалов "
        "Министерство обязано представить отчет о выполнении решения до первого числа "
        "следующего месяца";
    LexiconCorrector corrector({}, test::dictionaries(), lex);
    std::stringstream in(clean);
    std::string word, noisy;
    int long_words = 0, injected = 0;
    while (in >> word) {
        std::u32string w = utf32_of(word);
        if (w.size() >= 6 && ++long_words % 4 == 0) {
            for (const Confusion& c : corrector.confusions().entries()) {
                size_t pos = w.find(c.meant, 1);
                if (c.meant.size() != 1 || c.read.size() != 1 || pos == std::u32string::npos)
                    continue;
                std::u32string v = w;
                v.replace(pos, 1, c.read);
                if (lex->knows(utf8_of(v))) continue;  // must be a non-word
                word = utf8_of(v);
                ++injected;
                break;
            }
        }
        noisy += (noisy.empty() ? "" : " ") + word;
    }
    REQUIRE(injected >= 5);
    std::string out = corrected(noisy, lex);
    std::stringstream a(clean), b(out);
    std::string x, y;
    int wrong = 0;
    while (a >> x && b >> y) wrong += x != y;
    CHECK(wrong <= injected / 4);
    CHECK(corrected(clean, lex) == clean + "\n");
}

TEST_CASE("a reading the recogniser itself considered is preferred when the lexicon knows it") {
    REQUIRE_RUSSIAN_LEXICON(lex);
    LexiconCorrector c({}, test::dictionaries(), lex);
    // «рабезу»: no confusion rewrite reaches «работу», but the recogniser had it in mind.
    Document doc{test::page_of("начали рабезу сегодня")};
    Word& w = doc[0].lines[0].words[1];
    w.alternatives = {{"рабезу.", 30}, {"работу", 22}, {"рабсту", 12}};
    c.run(doc);
    CHECK(render_text(doc, Layout::Diplomatic) == "начали работу сегодня\n");
    REQUIRE_FALSE(doc[0].log.empty());
    CHECK(doc[0].log[0].reason.find("recogniser") != std::string::npos);

    // Too unlikely an alternative, or a known word as read, is left alone.
    LexiconCorrectionParams strict;
    strict.min_alternative = 50;
    Document unlikely{test::page_of("начали рабезу сегодня")};
    unlikely[0].lines[0].words[1].alternatives = {{"работу", 22}};
    LexiconCorrector(strict, test::dictionaries(), lex).run(unlikely);
    CHECK(render_text(unlikely, Layout::Diplomatic) == "начали рабезу сегодня\n");
    Document known{test::page_of("начали работу сегодня")};
    known[0].lines[0].words[1].alternatives = {{"работы", 40}};
    c.run(known);
    CHECK(render_text(known, Layout::Diplomatic) == "начали работу сегодня\n");
}

TEST_CASE("an unknown word the document repeats keeps its reading over a known alternative") {
    // «Nr.» four times in a letter: an abbreviation the lexicon does not know, not a misreading
    // of the «Fr.» the recogniser also considered for each.
    class Words : public Lexicon {
      public:
        bool knows(const std::string& w) const override { return w == "Fr" || w == "til"; }
        bool has_dictionary() const override { return true; }
    };
    auto lex = std::make_shared<Words>();
    LexiconCorrector c({}, test::dictionaries(), lex);
    Document repeated{test::page_of("til Nr. 5 til Nr. 6 til Nr. 7 til Nr. 8")};
    for (Word& w : repeated[0].lines[0].words)
        if (w.text == "Nr.") w.alternatives = {{"Fr.", 40}};
    c.run(repeated);
    CHECK(render_text(repeated, Layout::Diplomatic) == "til Nr. 5 til Nr. 6 til Nr. 7 til Nr. 8\n");
    // Once, the recogniser's known alternative is taken.
    Document once{test::page_of("til Nr. 5")};
    once[0].lines[0].words[1].alternatives = {{"Fr.", 40}};
    c.run(once);
    CHECK(render_text(once, Layout::Diplomatic) == "til Fr. 5\n");
}

TEST_CASE("after an elided article the word is corrected on its own, the elision kept") {
    // A dictionary of a few French words, standing for hunspell's.
    class Words : public Lexicon {
      public:
        bool knows(const std::string& w) const override {
            const std::string l = to_lower(w);
            return l == "obtenir" || l == "permis" || l == "aujourd'hui" || l == "il";
        }
        bool has_dictionary() const override { return true; }
    };
    auto lex = std::make_shared<Words>();
    // A speck over the e read as a diaeresis (ë > e in the confusion table).
    CHECK(corrected("d'obtënir un permis", lex) == "d'obtenir un permis\n");
    CHECK(corrected("D’obtënir", lex) == "D’obtenir\n");
    // Known words, a long elision and an unknown rest stay as read.
    CHECK(corrected("d'aujourd'hui l'xqzt dell'obtenir", lex) ==
          "d'aujourd'hui l'xqzt dell'obtenir\n");
}
