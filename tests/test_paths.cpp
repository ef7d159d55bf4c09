// Test data locations and small process helpers; see test_paths.hpp.
#include "test_paths.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace scanfix::test {

std::string source_dir() {
    if (const char* e = std::getenv("SCANFIX_TEST_DATA"); e && *e) return e;
    return SCANFIX_TEST_DATA;
}

std::string binary_dir() {
    return SCANFIX_BINARY_DIR;
}

std::string shared_data_dir() {
    if (const char* e = std::getenv("SCANFIX_SHARED_DATA"); e && *e) return e;
    fs::path p = fs::path(source_dir()).parent_path() / "shared" / "data";
    return fs::exists(p) ? p.string() : std::string();
}

std::string shared_schemas_dir() {
    if (const char* e = std::getenv("SCANFIX_SHARED_SCHEMAS"); e && *e) return e;
    fs::path p = fs::path(source_dir()).parent_path() / "shared" / "schemas";
    return fs::exists(p) ? p.string() : std::string();
}

std::string temp_dir(const std::string& tag) {
    fs::path p =
        fs::temp_directory_path() / ("scanfix-test-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(p);
    fs::create_directories(p);
    return p.string();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int run_command(const std::string& cmd, std::string* out, std::string* err) {
    std::string dir = temp_dir("cmd");
    std::string o = dir + "/out", e = dir + "/err";
    int status = std::system((cmd + " >" + o + " 2>" + e + " </dev/null").c_str());
    if (out) *out = slurp(o);
    if (err) *err = slurp(e);
    fs::remove_all(dir);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace scanfix::test
