// Fuzz target: the eval readers — plain text, ALTO, PAGE XML and hOCR. The bytes are decoded
// as a transcription file is, the format detected, and every XML extractor run on any input
// that parses as XML; the text found is then scored against a fixed reference (normalisation,
// grapheme split, alignment). Expected failures are InputError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"
#include "scanfix/eval/formats.hpp"
#include "scanfix/eval/metrics.hpp"
#include "scanfix/eval/normalize.hpp"

using namespace scanfix::eval;

namespace {
void score(const std::string& text) {
    static const std::string reference = "Шифротелеграмма\nэкз. № 2 — ge-\nbracht Ёлка";
    NormalizeOptions all;
    all.hyphens = all.casefold = all.punctuation = all.yo = all.prereform = all.lookalikes = true;
    EvalResult plain = evaluate(reference, text);
    EvalResult folded = evaluate(text, reference, all);
    if (plain.cer() < 0 || folded.wer() < 0) __builtin_trap();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string content;
    try {
        content =
            scanfix::decode_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz");
    } catch (const scanfix::InputError&) {
        return 0;
    }
    try {
        TextFormat format = detect_format(content, "fuzz");
        score(extract_text(content, format, "fuzz"));
    } catch (const scanfix::InputError&) {
    }
    for (TextFormat format : {TextFormat::Alto, TextFormat::PageXml, TextFormat::Hocr}) {
        try {
            score(extract_text(content, format, "fuzz"));
        } catch (const scanfix::InputError&) {
        }
    }
    return 0;
}
