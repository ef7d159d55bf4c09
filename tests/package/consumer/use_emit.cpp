// Uses scanfix::emit from an installed package: ALTO of a one-word page (pugixml, fmt inside).
#include <scanfix/emit/formats.hpp>

int main() {
    scanfix::Page page;
    page.source = "page.png";
    scanfix::Line line;
    line.words = {scanfix::Word{"слово", {10, 10, 50, 20}, 90}};
    page.lines = {line};
    return scanfix::to_alto({page}).find("слово") != std::string::npos ? 0 : 1;
}
