// Reading self-described parameters from a profile, with type and range checks.
#include "scanfix/core/params.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

namespace scanfix {

std::string format_param_value(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}
std::string format_param_value(int v) {
    return std::to_string(v);
}
std::string format_param_value(bool v) {
    return v ? "true" : "false";
}

const ProfileEntry* ParamReader::scalar(const char* name) const {
    std::string key = prefix_ + "." + name;
    const ProfileEntry* e = profile_.find(key);
    if (e && (e->is_list || e->values.size() != 1))
        throw ConfigError(e->file, e->line, "'" + key + "' takes a single value, not a list");
    return e;
}

namespace {
[[noreturn]] void bad(const ProfileEntry& e, const std::string& key, const std::string& what) {
    throw ConfigError(e.file, e.line, "'" + key + "': " + what);
}
}  // namespace

void ParamReader::operator()(const char* name, int& v, int lo, int hi, const char*) {
    const ProfileEntry* e = scalar(name);
    if (!e) return;
    const std::string& s = e->values[0];
    char* end = nullptr;
    long x = std::strtol(s.c_str(), &end, 10);
    std::string key = prefix_ + "." + name;
    if (s.empty() || *end != '\0') bad(*e, key, "expected a whole number, got '" + s + "'");
    if (x < lo || x > hi)
        bad(*e, key,
            s + " is out of range [" + std::to_string(lo) + ", " + std::to_string(hi) + "]");
    v = int(x);
}

void ParamReader::operator()(const char* name, double& v, double lo, double hi, const char*) {
    const ProfileEntry* e = scalar(name);
    if (!e) return;
    const std::string& s = e->values[0];
    char* end = nullptr;
    double x = std::strtod(s.c_str(), &end);
    std::string key = prefix_ + "." + name;
    if (s.empty() || *end != '\0' || !std::isfinite(x))
        bad(*e, key, "expected a number, got '" + s + "'");
    if (x < lo || x > hi)
        bad(*e, key,
            s + " is out of range [" + format_param_value(lo) + ", " + format_param_value(hi) +
                "]");
    v = x;
}

void ParamReader::operator()(const char* name, bool& v, const char*) {
    const ProfileEntry* e = scalar(name);
    if (!e) return;
    const std::string& s = e->values[0];
    if (s == "true" || s == "yes" || s == "on" || s == "1")
        v = true;
    else if (s == "false" || s == "no" || s == "off" || s == "0")
        v = false;
    else
        bad(*e, prefix_ + "." + name, "expected true or false, got '" + s + "'");
}

void ParamReader::operator()(const char* name, std::string& v,
                             const std::vector<std::string>& choices, const char*) {
    const ProfileEntry* e = scalar(name);
    if (!e) return;
    const std::string& s = e->values[0];
    if (!choices.empty()) {
        bool ok = false;
        std::string list;
        for (const auto& c : choices) {
            ok = ok || c == s;
            list += (list.empty() ? "" : ", ") + c;
        }
        if (!ok) bad(*e, prefix_ + "." + name, "'" + s + "' is not one of: " + list);
    }
    v = s;
}

void validate_profile(const Profile& profile, const std::vector<ParamSpec>& specs,
                      const std::vector<std::string>& list_keys) {
    for (const ParamSpec& spec : specs) {
        size_t dot = spec.name.rfind('.');
        std::string prefix = dot == std::string::npos ? "" : spec.name.substr(0, dot);
        std::string name = dot == std::string::npos ? spec.name : spec.name.substr(dot + 1);
        ParamReader reader(profile, prefix);
        switch (spec.type) {
            case ParamType::Int: {
                int v = 0;
                reader(name.c_str(), v, int(spec.min), int(spec.max), "");
                break;
            }
            case ParamType::Double: {
                double v = 0;
                reader(name.c_str(), v, spec.min, spec.max, "");
                break;
            }
            case ParamType::Bool: {
                bool v = false;
                reader(name.c_str(), v, "");
                break;
            }
            case ParamType::Choice: {
                std::string v;
                reader(name.c_str(), v, spec.choices, "");
                break;
            }
            case ParamType::List: {
                const ProfileEntry* e = profile.find(spec.name);
                if (!e || spec.choices.empty()) break;
                for (const std::string& item : e->values)
                    if (std::find(spec.choices.begin(), spec.choices.end(), item) ==
                        spec.choices.end())
                        bad(*e, spec.name, "'" + item + "' is not one of the known names");
                break;
            }
        }
    }
    std::set<std::string> known(list_keys.begin(), list_keys.end());
    for (const ParamSpec& spec : specs) known.insert(spec.name);
    profile.check_no_unknown_keys(known);
}

}  // namespace scanfix
