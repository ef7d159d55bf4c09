// Uses scanfix::tune from an installed package: which settings change recognition.
#include <scanfix/tune/recognition_cache.hpp>

int main() {
    return scanfix::tune::changes_recognition("ocr.lang") ? 0 : 1;
}
