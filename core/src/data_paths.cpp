// Resolution of the data folder; see data_paths.hpp.
#include "scanfix/core/data_paths.hpp"

#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace scanfix {

std::string data_dir() {
    if (const char* env = std::getenv("SCANFIX_DATA"); env && *env) return env;
    if (fs::exists(fs::path(SCANFIX_INSTALL_DATA_DIR) / "profiles"))
        return SCANFIX_INSTALL_DATA_DIR;
    return SCANFIX_SOURCE_DATA_DIR;
}

std::string dictionaries_dir() {
    return (fs::path(data_dir()) / "dictionaries").string();
}
std::string profiles_dir() {
    return (fs::path(data_dir()) / "profiles").string();
}
std::string review_web_dir() {
    return (fs::path(data_dir()) / "review" / "web").string();
}

}  // namespace scanfix
