// Uses scanfix::core from an installed package: Unicode helpers (ICU inside).
#include <scanfix/core/text.hpp>

int main() {
    return scanfix::utf32_of(scanfix::to_nfc("е\u0308ж")) == U"ёж" ? 0 : 1;
}
