// Uses scanfix::cleanup from an installed package: a transcription as a document, and the
// cleanup stages' parameters (hunspell and ICU inside).
#include <scanfix/cleanup/pipeline.hpp>

int main() {
    scanfix::Document doc = scanfix::document_from_text("первая строка\nвторая\n", "text");
    return doc.size() == 1 && doc[0].lines.size() == 2 && !scanfix::cleanup_param_specs().empty()
               ? 0
               : 1;
}
