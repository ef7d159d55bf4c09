// Fuzz target: a profile's text through the YAML reader, `extends:` (to the bundled profiles),
// validation against every parameter of run (types, ranges, choices, unknown keys), reading the
// parameter structs, and the YAML written back, which must parse to the same entries.
// Expected failures are ConfigError; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "scanfix/cleanup/pipeline.hpp"
#include "scanfix/core/data_paths.hpp"
#include "scanfix/core/error.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"
#include "scanfix/pipeline/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::vector<scanfix::ParamSpec> specs = scanfix::pipeline_param_specs();
    std::string text(reinterpret_cast<const char*>(data), size);
    scanfix::Profile profile;
    try {
        profile = scanfix::Profile::parse(text, "fuzz.yaml", scanfix::profiles_dir());
    } catch (const scanfix::ConfigError&) {
        return 0;
    }
    std::string yaml = profile.to_yaml();
    scanfix::Profile again = scanfix::Profile::parse(yaml, "again.yaml");
    if (again.entries().size() != profile.entries().size()) __builtin_trap();
    for (const auto& [key, entry] : profile.entries()) {
        const scanfix::ProfileEntry* e = again.find(key);
        if (!e || e->values != entry.values) {
            std::fprintf(stderr, "round trip changed '%s'\n", key.c_str());
            __builtin_trap();
        }
    }
    try {
        scanfix::validate_profile(profile, specs);
    } catch (const scanfix::ConfigError&) {
    }
    return 0;
}
