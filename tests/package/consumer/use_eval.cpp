// Uses scanfix::eval from an installed package: CER of a hypothesis against a reference.
#include <scanfix/eval/metrics.hpp>

int main() {
    return scanfix::eval::evaluate("кот", "кит").characters.rate() > 0.3 ? 0 : 1;
}
