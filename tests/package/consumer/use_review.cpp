// Uses scanfix::review from an installed package: the diplomatic text of a corrected page.
#include <scanfix/review/corrected_pages.hpp>

int main() {
    scanfix::Page page;
    scanfix::Line line;
    line.words = {scanfix::Word{"слово", {10, 10, 50, 20}, 90}};
    page.lines = {line};
    return scanfix::review::diplomatic_page_text({page}, 0).find("слово") != std::string::npos ? 0
                                                                                               : 1;
}
