// Uses scanfix::ocr from an installed package: the Tesseract language check.
#include <scanfix/ocr/recognizer.hpp>

int main() {
    return scanfix::missing_language("no-such-language") == "no-such-language" ? 0 : 1;
}
