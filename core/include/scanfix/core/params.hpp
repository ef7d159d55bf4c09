// Self-describing parameters. Each stage keeps its settings in a plain struct with defaults and
// a `describe(Visitor&)` member that names every field once, with its range and help text.
// The visitors below turn that one description into --print-params, profile reading (with
// range checks that name file and line) and the search space that `scanfix tune` explores.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "scanfix/core/error.hpp"
#include "scanfix/core/profile.hpp"

namespace scanfix {

// List: a YAML list of strings (stage names, patterns, word lists); never tuned.
enum class ParamType { Int, Double, Bool, Choice, List };

struct ParamSpec {
    std::string name;  // full dotted key, e.g. "preprocess.binarize.k"
    ParamType type = ParamType::Double;
    std::string default_value;
    double min = 0, max = 0;
    std::vector<std::string> choices;
    std::string help;
    bool tunable = true;
};

std::string format_param_value(double v);
std::string format_param_value(int v);
std::string format_param_value(bool v);

// Collects ParamSpecs from a describe() call, with current values as defaults.
class ParamCollector {
  public:
    explicit ParamCollector(std::string prefix) : prefix_(std::move(prefix)) {}
    void operator()(const char* name, int& v, int lo, int hi, const char* help) {
        add({key(name), ParamType::Int, format_param_value(v), double(lo), double(hi), {}, help});
    }
    void operator()(const char* name, double& v, double lo, double hi, const char* help) {
        add({key(name), ParamType::Double, format_param_value(v), lo, hi, {}, help});
    }
    void operator()(const char* name, bool& v, const char* help) {
        add({key(name), ParamType::Bool, format_param_value(v), 0, 1, {}, help});
    }
    void operator()(const char* name, std::string& v, std::vector<std::string> choices,
                    const char* help) {
        add({key(name), ParamType::Choice, v, 0, 0, std::move(choices), help});
    }
    const std::vector<ParamSpec>& specs() const { return specs_; }

  private:
    std::string key(const char* name) const { return prefix_ + "." + name; }
    void add(ParamSpec s) { specs_.push_back(std::move(s)); }
    std::string prefix_;
    std::vector<ParamSpec> specs_;
};

// Assigns values from a profile, checking type and range. Throws ConfigError with file:line.
class ParamReader {
  public:
    ParamReader(const Profile& profile, std::string prefix)
        : profile_(profile), prefix_(std::move(prefix)) {}
    void operator()(const char* name, int& v, int lo, int hi, const char* help);
    void operator()(const char* name, double& v, double lo, double hi, const char* help);
    void operator()(const char* name, bool& v, const char* help);
    void operator()(const char* name, std::string& v, const std::vector<std::string>& choices,
                    const char* help);

  private:
    const ProfileEntry* scalar(const char* name) const;
    const Profile& profile_;
    std::string prefix_;
};

// Reads a parameter struct's values under `prefix` from a profile and validates it.
template <class Params>
Params read_params(const Profile& profile, const std::string& prefix) {
    Params p;
    ParamReader reader(profile, prefix);
    p.describe(reader);
    p.validate();
    return p;
}

// The specs of a parameter struct with its defaults, under `prefix`.
template <class Params>
std::vector<ParamSpec> describe_params(const std::string& prefix) {
    Params p;
    ParamCollector collector(prefix);
    p.describe(collector);
    return collector.specs();
}

// Checks every value the profile sets for the given parameters (type, range, choices) and
// then that the profile sets nothing else: `list_keys` names further keys that hold lists.
// Throws ConfigError with file and line of the first wrong or unknown key.
void validate_profile(const Profile& profile, const std::vector<ParamSpec>& specs,
                      const std::vector<std::string>& list_keys = {});

}  // namespace scanfix
