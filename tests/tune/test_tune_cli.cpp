// The scanfix tune command's refusals: each is one stderr line and the documented exit code,
// before any recognition starts.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scanfix/core/error.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {

int run_tune(const std::string& args, std::string* err) {
    return test::run_command(test::binary_dir() + "/tools/scanfix/scanfix tune " + args, nullptr,
                             err);
}

}  // namespace

TEST_CASE("tune: missing folders, pages without references and bad settings are refused") {
    const std::string dir = test::temp_dir("tune-cli");
    std::string err;
    CHECK(run_tune("--images '" + dir + "/nope' --gt '" + dir + "' -o '" + dir + "/t.yaml'",
                   &err) == kExitInput);
    CHECK(err.find("nope") != std::string::npos);

    std::ofstream(dir + "/page.png") << "not really a png";
    CHECK(run_tune("--images '" + dir + "' --gt '" + dir + "' -o '" + dir + "/t.yaml'", &err) ==
          kExitInput);
    CHECK(err.find("no reference") != std::string::npos);

    CHECK(
        run_tune("--images '" + dir + "' --gt '" + dir + "' -o '" + dir + "/t.yaml' --holdout 1.5",
                 &err) == kExitUsage);
    CHECK(run_tune("--images '" + dir + "' --gt '" + dir + "' -o '" + dir +
                       "/t.yaml' --base no-such-profile",
                   &err) == kExitConfig);
    CHECK(run_tune("--images '" + dir + "'", &err) == kExitUsage);
    CHECK_FALSE(std::filesystem::exists(dir + "/t.yaml"));
}
