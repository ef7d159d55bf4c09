// Profiles and self-describing parameters: flattening, extends, range checks, unknown keys.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "scanfix/core/error.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"
#include "test_paths.hpp"

using namespace scanfix;

namespace {
struct DemoParams {
    int window = 25;
    double k = 0.3;
    bool enabled = true;
    std::string method = "sauvola";
    template <class V>
    void describe(V& v) {
        v("window", window, 3, 301, "window size");
        v("k", k, 0.0, 1.0, "sensitivity");
        v("enabled", enabled, "run it");
        v("method", method, {"sauvola", "wolf", "otsu"}, "algorithm");
    }
    void validate() const {
        if (window % 2 == 0) throw ConfigError("", 0, "window must be odd");
    }
};
}  // namespace

TEST_CASE("profile keys are flattened with their line numbers") {
    Profile p = Profile::parse("a:\n  b:\n    k: 0.5\n  list: [x, y]\n", "demo.yaml");
    REQUIRE(p.find("a.b.k"));
    CHECK(p.find("a.b.k")->values[0] == "0.5");
    CHECK(p.find("a.b.k")->line == 3);
    CHECK(p.find("a.list")->is_list);
    CHECK(p.find("a.list")->values.size() == 2);
}

TEST_CASE("parameters are read, range-checked and validated") {
    Profile ok = Profile::parse("demo:\n  window: 31\n  k: 0.5\n  method: wolf\n", "p.yaml");
    DemoParams d = read_params<DemoParams>(ok, "demo");
    CHECK(d.window == 31);
    CHECK(d.k == Approx(0.5));
    CHECK(d.method == "wolf");
    CHECK(d.enabled);

    Profile range = Profile::parse("demo:\n  k: 7\n", "p.yaml");
    try {
        read_params<DemoParams>(range, "demo");
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.line() == 2);
        CHECK(std::string(e.what()).find("out of range") != std::string::npos);
    }
    Profile type = Profile::parse("demo:\n  window: wide\n", "p.yaml");
    CHECK_THROWS_AS(read_params<DemoParams>(type, "demo"), ConfigError);
    Profile choice = Profile::parse("demo:\n  method: magic\n", "p.yaml");
    CHECK_THROWS_AS(read_params<DemoParams>(choice, "demo"), ConfigError);
    Profile even = Profile::parse("demo:\n  window: 30\n", "p.yaml");
    CHECK_THROWS_AS(read_params<DemoParams>(even, "demo"), ConfigError);
}

TEST_CASE("unknown keys are reported with file and line") {
    Profile p = Profile::parse("demo:\n  window: 31\n  windw: 5\n", "typo.yaml");
    try {
        validate_profile(p, describe_params<DemoParams>("demo"));
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.file() == "typo.yaml");
        CHECK(e.line() == 3);
    }
}

TEST_CASE("broken YAML names the line") {
    try {
        Profile::parse("a: [1, 2\nb: 3\n", "bad.yaml");
        FAIL("expected ConfigError");
    } catch (const ConfigError& e) {
        CHECK(e.line() >= 1);
        CHECK(e.file() == "bad.yaml");
    }
}

TEST_CASE("extends merges a parent profile, the child winning") {
    std::string dir = test::temp_dir("profiles");
    std::ofstream(dir + "/base.yaml") << "demo:\n  window: 11\n  k: 0.2\n";
    std::ofstream(dir + "/child.yaml") << "extends: base\ndemo:\n  k: 0.4\n";
    Profile p = Profile::load(dir + "/child.yaml", dir);
    DemoParams d = read_params<DemoParams>(p, "demo");
    CHECK(d.window == 11);
    CHECK(d.k == Approx(0.4));
    std::ofstream(dir + "/orphan.yaml") << "extends: nowhere\n";
    CHECK_THROWS_AS(Profile::load(dir + "/orphan.yaml", dir), ConfigError);
    std::ofstream(dir + "/loop.yaml") << "extends: loop\n";
    CHECK_THROWS_AS(Profile::load(dir + "/loop.yaml", dir), ConfigError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a profile survives a round trip through YAML") {
    Profile p = Profile::parse("demo:\n  window: 31\n  list: [a, b]\n", "p.yaml");
    p.set("demo.k", "0.25");
    Profile q = Profile::parse(p.to_yaml(), "q.yaml");
    CHECK(q.find("demo.window")->values[0] == "31");
    CHECK(q.find("demo.k")->values[0] == "0.25");
    CHECK(q.find("demo.list")->values == std::vector<std::string>{"a", "b"});
}

TEST_CASE("parameter specs describe names, defaults and ranges") {
    auto specs = describe_params<DemoParams>("demo");
    REQUIRE(specs.size() == 4);
    CHECK(specs[0].name == "demo.window");
    CHECK(specs[0].default_value == "25");
    CHECK(specs[0].max == 301);
    CHECK(specs[3].type == ParamType::Choice);
    CHECK(specs[3].choices.size() == 3);
}

TEST_CASE("hostile profiles are ConfigErrors, not hangs or crashes") {
    // A list as a key.
    try {
        Profile::parse("? [a, b]\n: 1\n", "key.yaml");
        FAIL("accepted");
    } catch (const ConfigError& e) {
        CHECK(e.line() == 1);
    }
    // Aliases of aliases: 2^40 keys if expanded.
    std::string laughs = "l0: &l0 {a: 1, b: 2}\n";
    for (int i = 1; i < 40; ++i)
        laughs += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " {a: *l" +
                  std::to_string(i - 1) + ", b: *l" + std::to_string(i - 1) + "}\n";
    CHECK_THROWS_AS(Profile::parse(laughs, "laughs.yaml"), ConfigError);
    // A parent that is a device or a folder.
    CHECK_THROWS_AS(Profile::parse("extends: /dev/zero\n", "dev.yaml"), ConfigError);
    CHECK_THROWS_AS(Profile::parse("extends: /tmp/\n", "dir.yaml"), ConfigError);
    CHECK_THROWS_AS(Profile::load("/dev/null", "."), ConfigError);
}

TEST_CASE("a child profile's mapping replaces the parent's value at that key, and back") {
    std::string dir = scanfix::test::temp_dir("override");
    std::ofstream(dir + "/parent.yaml") << "a: 1\nb:\n  c: 2\n  d: 3\n";
    Profile p = Profile::parse("extends: parent\na:\n  x: 4\nb: 5\n", dir + "/child.yaml");
    CHECK(p.find("a") == nullptr);
    REQUIRE(p.find("a.x"));
    CHECK(p.find("b.c") == nullptr);
    CHECK(p.find("b.d") == nullptr);
    REQUIRE(p.find("b"));
    CHECK(p.find("b")->values[0] == "5");
    Profile q = Profile::parse(p.to_yaml(), "q.yaml");
    CHECK(q.entries().size() == p.entries().size());
    CHECK_THROWS_AS(Profile::parse("\"\": 1\n", "empty.yaml"), ConfigError);
    std::filesystem::remove_all(dir);
}

TEST_CASE("command-line overrides set scalars and lists, and refuse text without '='") {
    Profile p = Profile::parse("a:\n  k: 0.5\n", "demo.yaml");
    p.set_override("a.k=0.7", "--set");
    CHECK(p.find("a.k")->values == std::vector<std::string>{"0.7"});
    CHECK(p.find("a.k")->file == "--set");
    p.set_override("a.list=[x,  y ,z]", "--set");
    CHECK(p.find("a.list")->is_list);
    CHECK(p.find("a.list")->values == std::vector<std::string>{"x", "y", "z"});
    p.set_override("a.url=http://host/?q=1", "--set");
    CHECK(p.find("a.url")->values[0] == "http://host/?q=1");
    CHECK_THROWS_AS(p.set_override("a.k", "--set"), UsageError);
    CHECK_THROWS_AS(p.set_override("=1", "--set"), UsageError);
}
