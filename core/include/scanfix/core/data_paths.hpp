// Where scanfix finds its data (dictionaries/, profiles/, the review page's files in
// review/web/): $SCANFIX_DATA when set, else the installed share folder, else the source tree
// it was built from. No flags needed.
#pragma once

#include <string>

namespace scanfix {

std::string data_dir();
std::string dictionaries_dir();
std::string profiles_dir();
// index.html, review.css and review.js of `scanfix review`.
std::string review_web_dir();

}  // namespace scanfix
