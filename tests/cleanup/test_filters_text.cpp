// The noise filters on plain transcriptions, where only line structure is known.
#include <catch2/catch.hpp>

#include "filter_test_util.hpp"
#include "scanfix/cleanup/filters.hpp"

using namespace scanfix;
using scanfix::test::kept_text;
using scanfix::test::ListLexicon;
using scanfix::test::page_from;

namespace {
const char* const kBody = "Первый абзац текста, который идет дальше.\n\n";
const char* const kBody2 = "\nВторой абзац текста.\n";

int removed_lines(const Page& p) {
    int n = 0;
    for (const Line& l : p.lines) n += l.empty();
    return n;
}
}  // namespace

TEST_CASE("a run of lines holding one short token is a margin column") {
    Page p = page_from(std::string(kBody) + "аб\nвг\nд\nеж\nзи\n" + kBody2);
    remove_margin_columns(p, {}, nullptr);
    CHECK(removed_lines(p) == 5);
    CHECK(kept_text(p) == "Первый абзац текста, который идет дальше.\n\nВторой абзац текста.\n");
    for (const LogEntry& e : p.log) {
        CHECK(e.stage == "margin_column");
        CHECK(e.action == "removed");
    }
}

TEST_CASE("short runs and runs of known words are not margin columns") {
    Page shortrun = page_from(std::string(kBody) + "аб\nвг\nде\n" + kBody2);
    remove_margin_columns(shortrun, {}, nullptr);
    CHECK(removed_lines(shortrun) == 0);

    ListLexicon lexicon({"он", "она", "они", "мы"});
    Page words = page_from(std::string(kBody) + "он\nона\nони\nмы\nаб\n" + kBody2);
    remove_margin_columns(words, {}, &lexicon);
    CHECK(removed_lines(words) == 0);
    Page noise = page_from(std::string(kBody) + "он\nаб\nвг\nмы\nде\n" + kBody2);
    remove_margin_columns(noise, {}, &lexicon);
    CHECK(removed_lines(noise) == 5);
    // A long run is a column even when most of its items are words.
    Page long_run = page_from(std::string(kBody) + "он\nона\nони\nмы\nаб\nон\nмы\nона\n" + kBody2);
    remove_margin_columns(long_run, {}, &lexicon);
    CHECK(removed_lines(long_run) == 8);
}

TEST_CASE("page numbers standing apart are removed, numbers in a sentence stay") {
    LinePatterns pattern;
    pattern.add(PageNumberParams{}.pattern);
    Page p = page_from(
        "- 1 -\n\nТекст страницы, который\n\n2.\n\nпродолжается здесь.\n\n"
        "Срок составил\n3\nгода.\n\nл. 21\n");
    remove_page_numbers(p, {}, pattern);
    CHECK(kept_text(p) ==
          "Текст страницы, который\n\nпродолжается здесь.\n\nСрок составил\n3\nгода.\n");
    CHECK(p.log.size() == 3);
}

TEST_CASE("lines of registration and cypher numbers are removed") {
    Page p = page_from(
        "520745\nЗаголовок\n14 4/22 1943\n\n53 7/46\n1\n\nN 21, III\n\n~~55-115~~ 48\n\n"
        "Текст письма.\n\n15.05.49\n\n15.V.49г. Подпись\n\nВ течение\n1949\nгода шли бои.\n");
    remove_registration_numbers(p, {});
    CHECK(kept_text(p) ==
          "Заголовок\n\nТекст письма.\n\n15.05.49\n\n15.V.49г. Подпись\n\n"
          "В течение\n1949\nгода шли бои.\n");
    RegistrationNumberParams no_dates;
    no_dates.keep_dates = false;
    remove_registration_numbers(p, no_dates);
    CHECK(kept_text(p).find("15.05.49") == std::string::npos);
}

TEST_CASE("stamp patterns and form fields remove stamp lines only") {
    LinePatterns patterns;
    patterns.add("секретно");
    patterns.add("вх\\.?\\s*№?\\s*\\d+");
    Page p = page_from(
        "СЕКРЕТНО\n\nДокумент совершенно секретно хранится.\n\nВх. № 123\n\n"
        "Экз. №.....\n\nПодп. ________\n\nКонец текста......\n");
    remove_stamps(p, {}, patterns, nullptr);
    CHECK(kept_text(p) == "Документ совершенно секретно хранится.\n\nКонец текста......\n");
    // A short line closing with an ellipsis is typing, not a form field.
    // A fill-in row broken by OCR at a gap is still one row.
    Page ellipsis = page_from("Вашингтон...\n\nИ так далее…\n\nПодп. ___\n\nЭкз. №.. ...\n");
    remove_stamps(ellipsis, {}, LinePatterns(), nullptr);
    CHECK(kept_text(ellipsis) == "Вашингтон...\n\nИ так далее…\n");
    StampParams off;
    off.form_fields = false;
    Page q = page_from("Экз. №.....\n");
    remove_stamps(q, off, LinePatterns(), nullptr);
    CHECK(kept_text(q) == "Экз. №.....\n");
}

TEST_CASE("a broken stamp pattern is a configuration error naming the file and line") {
    LinePatterns patterns;
    try {
        patterns.add("Экз(\\.", "archive.yaml", 7);
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.file() == "archive.yaml");
        CHECK(e.line() == 7);
    }
}

TEST_CASE("a stamp pattern that backtracks without end is reported, not run for ever") {
    LinePatterns patterns;
    patterns.add("(a+)+$", "archive.yaml", 9);
    CHECK_FALSE(patterns.matches("aaa b"));
    try {
        patterns.matches(std::string(40, 'a') + "!");
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.file() == "archive.yaml");
        CHECK(e.line() == 9);
        CHECK(std::string(e.what()).find("(a+)+$") != std::string::npos);
    }
}

TEST_CASE("stray marks are removed from transcriptions, ordinary punctuation stays") {
    Page p = page_from("слово ~ слово .,' конец | точка . и - тире ... «цитата» ¦\n");
    remove_speckle(p, {}, nullptr);
    CHECK(kept_text(p) == "слово слово конец точка . и - тире ... «цитата»\n");
    SpeckleParams off;
    off.transcriptions = false;
    Page q = page_from("слово ~ слово\n");
    remove_speckle(q, off, nullptr);
    CHECK(kept_text(q) == "слово ~ слово\n");
}

TEST_CASE("a set-apart line of garbled tokens is marginalia") {
    Page p = page_from("Текст письма идет.\n\nx;q3z к%л7м\n\nДальше текст.\n\nВсе т.д. и т.п.\n");
    remove_marginalia(p, {}, nullptr);
    CHECK(kept_text(p) == "Текст письма идет.\n\nДальше текст.\n\nВсе т.д. и т.п.\n");
}

TEST_CASE("text running through removed lines is joined into one paragraph") {
    Page p = page_from("Он сказал,\n\n2.\n\nчто придет.\n\nНовая мысль.\n\n3.\n\nДругой абзац.\n");
    p.remove_line(1, "page_number", "test");
    p.remove_line(4, "page_number", "test");
    rejoin_across_removed_lines(p);
    CHECK(render_text({p}, Layout::Reading) ==
          "Он сказал, что придет.\n\nНовая мысль.\n\nДругой абзац.\n");
    int joined = 0;
    for (const LogEntry& e : p.log) joined += e.action == "joined";
    CHECK(joined == 1);
}
