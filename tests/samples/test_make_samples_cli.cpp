// The make_samples command line: presets and switches reach the generator, pages land where
// asked, and bad options fail with a non-zero exit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_paths.hpp"

namespace fs = std::filesystem;
using scanfix::test::run_command;

namespace {

std::string make_samples_binary() {
    fs::path p = fs::path(scanfix::test::binary_dir()) / "tools" / "make_samples" / "make_samples";
    return fs::exists(p) ? p.string() : std::string();
}

}  // namespace

TEST_CASE("make_samples writes the four files and honours --no-<noise>") {
    std::string bin = make_samples_binary();
    if (bin.empty()) {
        WARN("skipped: make_samples is not built");
        return;
    }
    std::string dir = scanfix::test::temp_dir("make-samples-cli");
    {
        std::ofstream text(dir + "/note.txt");
        text << "Первый абзац служебной записки.\n\nВторой абзац, короче первого.\n";
    }
    std::string out;
    int rc = run_command(
        bin + " " + dir + "/note.txt -o " + dir + " --dpi 100 --noise heavy --no-stamp --seed 3",
        &out);
    REQUIRE(rc == 0);
    for (const char* ext : {".jpg", ".gt.txt", ".lines.gt.txt", ".noise.json"})
        CHECK(fs::exists(dir + "/note" + ext));
    auto noise = nlohmann::json::parse(scanfix::test::slurp(dir + "/note.noise.json"));
    bool stamp = false, speckle = false;
    for (const auto& item : noise) {
        stamp |= item.at("kind") == "stamp";
        speckle |= item.at("kind") == "speckle";
    }
    CHECK_FALSE(stamp);
    CHECK(speckle);
    CHECK(scanfix::test::slurp(dir + "/note.gt.txt") ==
          "Первый абзац служебной записки.\n\nВторой абзац, короче первого.\n");
    CHECK(run_command(bin + " " + dir + "/note.txt -o " + dir + " --dpi 10") != 0);
    CHECK(run_command(bin + " " + dir + "/missing.txt") != 0);
    fs::remove_all(dir);
}

TEST_CASE(
    "make_samples lays out lines as written, picks one page and refuses a page past the end") {
    std::string bin = make_samples_binary();
    if (bin.empty()) {
        WARN("skipped: make_samples is not built");
        return;
    }
    std::string dir = scanfix::test::temp_dir("make-samples-layout");
    {
        std::ofstream text(dir + "/verse.txt");
        text << "Первая строка\n    вторая с отступом\n\nтретья\n";
    }
    const std::string base = bin + " " + dir + "/verse.txt -o " + dir + " --dpi 100 --noise none";
    REQUIRE(run_command(base + " --layout lines --page 1 --ink violet --dust heavy") == 0);
    CHECK(scanfix::test::slurp(dir + "/verse.lines.gt.txt") ==
          "Первая строка\nвторая с отступом\n\nтретья\n");
    auto noise = nlohmann::json::parse(scanfix::test::slurp(dir + "/verse.noise.json"));
    bool hair = false;
    for (const auto& item : noise) hair |= item.at("kind") == "hair";
    CHECK(hair);
    CHECK(run_command(base + " --page 2") != 0);
    CHECK(run_command(base + " --layout poster") != 0);
    CHECK(run_command(base + " --font no-such-face") != 0);
    fs::remove_all(dir);
}
