// CER and WER on small hand-computed cases: empty sides, combining characters, CRLF, invalid
// UTF-8, and each normalisation switching an error off.
#include <catch2/catch.hpp>

#include "scanfix/core/error.hpp"
#include "scanfix/eval/graphemes.hpp"
#include "scanfix/eval/metrics.hpp"

using namespace scanfix;
using namespace scanfix::eval;

TEST_CASE("eval: one substituted letter in a three-letter word") {
    EvalResult r = evaluate("кот", "кит");
    CHECK(r.characters.substitutions == 1);
    CHECK(r.characters.deletions == 0);
    CHECK(r.characters.insertions == 0);
    CHECK(r.characters.reference_length == 3);
    CHECK(r.cer() == Approx(1.0 / 3));
    CHECK(r.wer() == Approx(1.0));
}

TEST_CASE("eval: word error rate counts whole words") {
    EvalResult r = evaluate("the cat sat down", "the cot sat");
    CHECK(r.words.reference_length == 4);
    CHECK(r.words.substitutions == 1);
    CHECK(r.words.deletions == 1);
    CHECK(r.wer() == Approx(0.5));
    // "the cat sat down" (16) -> "the cot sat": 1 substitution + 5 deletions (" down")
    CHECK(r.characters.errors() == 6);
    CHECK(r.cer() == Approx(6.0 / 16));
}

TEST_CASE("eval: empty reference and empty hypothesis") {
    EvalResult both = evaluate("", "");
    CHECK(both.cer() == 0);
    CHECK(both.wer() == 0);

    EvalResult no_hyp = evaluate("abc", "");
    CHECK(no_hyp.characters.deletions == 3);
    CHECK(no_hyp.cer() == Approx(1.0));

    // Defined as insertions / max(1, reference length): visibly bad, never a division by zero.
    EvalResult no_ref = evaluate("", "abc");
    CHECK(no_ref.characters.insertions == 3);
    CHECK(no_ref.characters.reference_length == 0);
    CHECK(no_ref.cer() == Approx(3.0));
    CHECK(no_ref.wer() == Approx(1.0));
}

TEST_CASE("eval: combining characters are one grapheme") {
    // й typed as и + combining breve equals precomposed й
    EvalResult r = evaluate("мой", "мо\xD0\xB8\xCC\x86");
    CHECK(r.characters.errors() == 0);
    CHECK(r.characters.reference_length == 3);
    // е + combining acute has no precomposed form: still one character, one substitution
    EvalResult stress = evaluate("сте\xCC\x81на", "стена");
    CHECK(stress.characters.reference_length == 5);
    CHECK(stress.characters.substitutions == 1);
    CHECK(stress.cer() == Approx(0.2));
    CHECK(count_graphemes("e\xCC\x81\xCC\xA3x") == 2);
}

TEST_CASE("eval: CRLF and CR line ends equal LF") {
    CHECK(evaluate("a b\r\nc d\re", "a b\nc d\ne").characters.errors() == 0);
    NormalizeOptions exact;
    exact.whitespace = false;
    CHECK(evaluate("a\r\nb", "a\nb", exact).characters.errors() == 0);
}

TEST_CASE("eval: invalid UTF-8 is a clear InputError") {
    CHECK_THROWS_AS(evaluate("ok", "bad \xD0"), InputError);
    try {
        evaluate("\xFF", "x");
        FAIL("expected InputError");
    } catch (const InputError& e) {
        CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
        CHECK(e.file() == "reference");
    }
}

TEST_CASE("eval: whitespace folding makes a line break equal a space") {
    CHECK(evaluate("one\ntwo  three", " one two\n\nthree ").characters.errors() == 0);
    NormalizeOptions off;
    off.whitespace = false;
    EvalResult r = evaluate("one\ntwo", "one two", off);
    CHECK(r.characters.substitutions == 1);
}

TEST_CASE("eval: each normalisation removes exactly the difference it names") {
    struct Case {
        const char* name;
        const char* ref;
        const char* hyp;
    };
    const Case cases[] = {
        {"hyphens", "ge-\nbracht worden", "gebracht worden"},
        {"case", "Совершенно Секретно", "СОВЕРШЕННО секретно"},
        {"punctuation", "Москва, 1949 г.", "Москва 1949 г"},
        {"yo", "ещё её", "еще ее"},
        {"prereform", "м\xD1\x96ръ вѣра ѳеодоръ сѵнодъ", "мир вера феодор синод"},
        {"lookalikes", "СОВЕТ на море", "COBET нa мopе"},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        NormalizeOptions off;
        CHECK(evaluate(c.ref, c.hyp, off).characters.errors() > 0);
        NormalizeOptions on;
        set_normalization(on, c.name, true);
        CHECK(evaluate(c.ref, c.hyp, on).characters.errors() == 0);
    }
}

TEST_CASE("eval: pre-reform: only word-final hard sign is dropped") {
    NormalizeOptions o;
    o.prereform = true;
    CHECK(normalize_text("объявленъ, подъ", o) == "объявлен, под");
}

TEST_CASE("eval: hyphen joining leaves real dashes and mid-line hyphens alone") {
    NormalizeOptions o;
    o.hyphens = true;
    CHECK(normalize_text("Народно-освободительной", o) == "Народно-освободительной");
    CHECK(normalize_text("1949 -\n1950", o) == "1949 -\n1950");
    CHECK(normalize_text("ge-  \n   bracht", o) == "gebracht");
}

TEST_CASE("eval: normalisation lists parse names, all, none and negation") {
    NormalizeOptions o = parse_normalizations("case, yo");
    CHECK(o.casefold);
    CHECK(o.yo);
    CHECK(o.whitespace);
    CHECK_FALSE(o.punctuation);
    NormalizeOptions all = parse_normalizations("all,-case");
    CHECK(all.prereform);
    CHECK_FALSE(all.casefold);
    CHECK(parse_normalizations("none").applied().empty());
    CHECK(parse_normalizations("").applied() == std::vector<std::string>{"whitespace"});
    CHECK_THROWS_AS(parse_normalizations("cse"), ConfigError);
}
