// Profiles: YAML files in profiles/ that choose stages and set their parameters for an archive.
// A profile is flattened to dotted keys ("preprocess.binarize.k") that remember file and line,
// so a wrong value is reported where the user wrote it. `extends:` names a parent profile.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace scanfix {

struct ProfileEntry {
    std::vector<std::string> values;  // one for a scalar, any number for a list
    bool is_list = false;
    std::string file;
    int line = 0;
};

class Profile {
  public:
    // Reads a profile file and, recursively, the profiles it extends. A bare name such as
    // "default" is looked up as <profiles_dir>/default.yaml. Throws ConfigError.
    static Profile load(const std::string& path_or_name, const std::string& profiles_dir);
    // Parses profile text held in memory (for tests and tune); `origin` names it in errors.
    static Profile parse(const std::string& text, const std::string& origin,
                         const std::string& profiles_dir = "");

    const ProfileEntry* find(const std::string& key) const;
    // Sets a value as a command-line override or a tuned value does; `origin` (e.g. "--set")
    // names it in errors instead of a file and line.
    void set(const std::string& key, const std::string& value, const std::string& origin = "(set)");
    void set_list(const std::string& key, const std::vector<std::string>& values,
                  const std::string& origin = "(set)");
    // Sets one "key=value" override as written on a command line ("key=[a, b]" is a list).
    // Throws UsageError naming `origin` when the text is not key=value.
    void set_override(const std::string& key_equals_value, const std::string& origin);
    const std::map<std::string, ProfileEntry>& entries() const { return entries_; }
    // Throws ConfigError naming the first key that is not in `known` (usually a typo).
    void check_no_unknown_keys(const std::set<std::string>& known) const;
    // The profile as YAML, nested again by the dots in its keys.
    std::string to_yaml() const;
    const std::string& name() const { return name_; }

  private:
    static Profile parse_impl(const std::string& text, const std::string& origin,
                              const std::string& profiles_dir, int depth);
    static Profile load_impl(const std::string& path, const std::string& profiles_dir, int depth);
    std::string name_;
    std::map<std::string, ProfileEntry> entries_;
};

}  // namespace scanfix
