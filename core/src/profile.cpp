// Profile loading with yaml-cpp: flattening to dotted keys, `extends:` and YAML output.
#include "scanfix/core/profile.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "scanfix/core/error.hpp"
#include "scanfix/core/text.hpp"

namespace fs = std::filesystem;

namespace scanfix {
namespace {

// Bounds on what a profile may hold: far above any real profile, low enough that aliases
// nested in aliases ("billion laughs") cannot make flattening run for ever.
constexpr int kMaxDepth = 32;
constexpr size_t kMaxVisits = 100000;

void flatten(const YAML::Node& node, const std::string& prefix, const std::string& file,
             std::map<std::string, ProfileEntry>& out, int depth, size_t& visits) {
    int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
    if (depth > kMaxDepth || ++visits > kMaxVisits)
        throw ConfigError(file, line,
                          "the profile is nested too deeply or repeats itself too often");
    if (node.IsMap()) {
        // yaml-cpp keeps every pair of a key given twice and one of them wins unseen.
        std::map<std::string, int> seen;
        for (const auto& kv : node) {
            if (!kv.first.IsScalar())
                throw ConfigError(file, kv.first.Mark().line + 1,
                                  "a key must be a plain name, not a list or mapping");
            std::string key = kv.first.as<std::string>();
            const int key_line = kv.first.Mark().line + 1;
            if (auto [at, first] = seen.emplace(key, key_line); !first)
                throw ConfigError(file, key_line,
                                  "key '" + (prefix.empty() ? key : prefix + "." + key) +
                                      "' is given twice (first on line " +
                                      std::to_string(at->second) + ")");
            if (key.empty())
                throw ConfigError(file, kv.first.Mark().line + 1, "a key must not be empty");
            if (key.find('.') != std::string::npos)
                throw ConfigError(file, kv.first.Mark().line + 1,
                                  "key '" + key + "' must not contain a dot; nest it instead");
            flatten(kv.second, prefix.empty() ? key : prefix + "." + key, file, out, depth + 1,
                    visits);
        }
        return;
    }
    ProfileEntry e;
    e.file = file;
    e.line = line;
    if (node.IsSequence()) {
        e.is_list = true;
        for (const auto& item : node) {
            if (!item.IsScalar())
                throw ConfigError(file, item.Mark().line + 1,
                                  "'" + prefix + "' must be a list of plain values");
            e.values.push_back(item.as<std::string>());
        }
    } else if (node.IsScalar()) {
        e.values.push_back(node.as<std::string>());
    } else if (node.IsNull()) {
        return;  // "key:" with nothing after it sets nothing
    }
    out[prefix] = std::move(e);
}

// Without throwing: a name too long for the file system, or in a folder we may not enter,
// is a profile that is not there.
bool path_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

// YAML reads CR as a line break, but yaml-cpp keeps a lone CR before the end of the file in
// the last value ("no\r"); profiles saved on Windows or old Macs read alike once folded.
// The first line of a second YAML document, or 0: a "---" marker at the start of a line after
// the first document's content or its "..." end begins one, and so does content after that
// end; its first line is the marker's own when content follows it there, else the next line
// of content (the marker's, when none follows). A column-0 marker is always one: block
// scalars are indented, and quoted ones may not hold it.
int second_document_line(const std::string& text) {
    auto marker = [](const std::string& l, const char* m) {
        return l.compare(0, 3, m) == 0 && (l.size() == 3 || l[3] == ' ' || l[3] == '\t');
    };
    auto content_after_marker = [](const std::string& l) {
        const size_t rest = l.find_first_not_of(" \t", 3);
        return rest != std::string::npos && l[rest] != '#';
    };
    bool content = false, ended = false;
    int second = 0;  // the line of the second document's marker
    std::istringstream in(text);
    std::string l;
    for (int line = 1; std::getline(in, l); ++line) {
        const size_t first = l.find_first_not_of(" \t");
        if (first == std::string::npos || l[first] == '#') continue;
        const bool start = marker(l, "---");
        if (second) return line;
        if (start && (content || ended)) {
            if (content_after_marker(l)) return line;
            second = line;
            continue;
        }
        if (start) {
            content = content_after_marker(l);
            continue;
        }
        if (marker(l, "...")) {
            ended = true;
            continue;
        }
        if (ended) return line;
        if (l[0] == '%' && !content) continue;  // a directive
        content = true;
    }
    return second;
}

std::string unix_line_ends(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\r') {
            out += text[i];
        } else {
            out += '\n';
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        }
    }
    return out;
}

std::string resolve(const std::string& path_or_name, const std::string& profiles_dir,
                    const std::string& relative_to) {
    fs::path p(path_or_name);
    if (p.has_extension() || p.has_parent_path()) {
        if (p.is_relative() && !relative_to.empty() && !path_exists(p))
            return (fs::path(relative_to).parent_path() / p).string();
        return p.string();
    }
    if (!relative_to.empty()) {
        fs::path sibling = fs::path(relative_to).parent_path() / (path_or_name + ".yaml");
        if (path_exists(sibling)) return sibling.string();
    }
    return (fs::path(profiles_dir) / (path_or_name + ".yaml")).string();
}

}  // namespace

Profile Profile::load_impl(const std::string& path, const std::string& profiles_dir, int depth) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))  // a folder, or a device such as /dev/zero
        throw ConfigError(path, 0, "a profile must be a regular file");
    // A profile is a page of settings; a disk image named by mistake is refused unread.
    constexpr size_t kMaxProfileBytes = 1 << 20;
    const auto size = fs::file_size(path, ec);
    if (!ec && size > kMaxProfileBytes)
        throw ConfigError(path, 0, "larger than 1 MB: not a profile");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(path, 0, "cannot open profile");
    std::string text(kMaxProfileBytes + 1, '\0');
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(size_t(in.gcount()));
    if (text.size() > kMaxProfileBytes)
        throw ConfigError(path, 0, "larger than 1 MB: not a profile");
    return parse_impl(text, path, profiles_dir, depth);
}

Profile Profile::parse_impl(const std::string& text, const std::string& origin,
                            const std::string& profiles_dir, int depth) {
    if (depth > 8) throw ConfigError(origin, 0, "profiles extend each other too deeply (a cycle?)");
    // YAML is UTF-8; yaml-cpp would pass other bytes through, and a stamp pattern saved in
    // cp1251 would then silently never match.
    auto line_at = [&](size_t at) {
        return 1 + int(std::count(text.begin(), text.begin() + long(at), '\n'));
    };
    if (size_t bad = first_invalid_utf8(text); bad != std::string::npos)
        throw ConfigError(origin, line_at(bad), "not valid UTF-8; save the profile as UTF-8");
    // YAML allows no control characters but tab and line breaks (C0, DEL and C1 but NEL).
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ||
                       (c == 0xC2 && next >= 0x80 && next <= 0x9F && next != 0x85);
        if (control)
            throw ConfigError(origin, line_at(i),
                              "contains a control character; a profile is plain text");
    }
    YAML::Node root;
    try {
        const std::string unix_text = unix_line_ends(text);
        // A second document ("---") would be ignored without a word. (Found on the text:
        // yaml-cpp's LoadAll never returns on some inputs, "," among them.)
        if (const int line = second_document_line(unix_text))
            throw ConfigError(origin, line,
                              "holds a second YAML document (after '---'); a profile is one");
        root = YAML::Load(unix_text);
    } catch (const YAML::Exception& e) {
        throw ConfigError(origin, e.mark.line + 1, "not valid YAML: " + e.msg);
    }
    if (!root.IsDefined() || root.IsNull()) root = YAML::Node(YAML::NodeType::Map);
    if (!root.IsMap()) throw ConfigError(origin, 1, "a profile must be a YAML mapping of keys");

    std::map<std::string, ProfileEntry> own;
    size_t visits = 0;
    try {
        flatten(root, "", origin, own, 0, visits);
    } catch (const YAML::Exception& e) {
        throw ConfigError(origin, e.mark.line + 1, "not a valid profile: " + e.msg);
    }

    Profile result;
    auto ext = own.find("extends");
    if (ext != own.end()) {
        if (ext->second.is_list || ext->second.values.size() != 1)
            throw ConfigError(origin, ext->second.line, "'extends' takes one profile name");
        std::string parent = resolve(ext->second.values[0], profiles_dir, origin);
        if (!path_exists(parent))
            throw ConfigError(origin, ext->second.line,
                              "parent profile '" + parent + "' not found");
        result = load_impl(parent, profiles_dir, depth + 1);
        own.erase(ext);
    }
    for (auto& kv : own) {
        // A child's value replaces the parent's whole subtree under that key, and the parent's
        // plain values on the way to it: the merged profile never holds "a" and "a.b" at once.
        const std::string& key = kv.first;
        auto& merged = result.entries_;
        for (auto it = merged.lower_bound(key + ".");
             it != merged.end() && it->first.compare(0, key.size() + 1, key + ".") == 0;)
            it = merged.erase(it);
        for (size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', dot + 1))
            merged.erase(key.substr(0, dot));
        merged[key] = std::move(kv.second);
    }
    result.name_ = fs::path(origin).stem().string();
    return result;
}

Profile Profile::load(const std::string& path_or_name, const std::string& profiles_dir) {
    std::string path = resolve(path_or_name, profiles_dir, "");
    if (!path_exists(path)) throw ConfigError(path, 0, "profile not found");
    return load_impl(path, profiles_dir, 0);
}

Profile Profile::parse(const std::string& text, const std::string& origin,
                       const std::string& profiles_dir) {
    return parse_impl(text, origin, profiles_dir, 0);
}

const ProfileEntry* Profile::find(const std::string& key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? nullptr : &it->second;
}

void Profile::set(const std::string& key, const std::string& value, const std::string& origin) {
    set_list(key, {value}, origin);
    entries_[key].is_list = false;
}

void Profile::set_list(const std::string& key, const std::vector<std::string>& values,
                       const std::string& origin) {
    ProfileEntry& e = entries_[key];
    e.values = values;
    e.is_list = true;
    e.file = origin;
    e.line = 0;
}

void Profile::set_override(const std::string& kv, const std::string& origin) {
    const size_t eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
        throw UsageError(origin, "'" + kv + "' is not key=value");
    const std::string key = kv.substr(0, eq), value = kv.substr(eq + 1);
    if (value.empty() || value.front() != '[' || value.back() != ']') {
        set(key, value, origin);
        return;
    }
    std::vector<std::string> items;
    std::string item;
    for (char c : value.substr(1, value.size() - 2) + ",") {
        if (c != ',') {
            item += c;
            continue;
        }
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) items.push_back(item);
        item.clear();
    }
    set_list(key, items, origin);
}

void Profile::check_no_unknown_keys(const std::set<std::string>& known) const {
    for (const auto& kv : entries_) {
        if (known.count(kv.first)) continue;
        throw ConfigError(kv.second.file, kv.second.line,
                          "unknown key '" + kv.first + "' (see scanfix run --print-params)");
    }
}

std::string Profile::to_yaml() const {
    YAML::Node root(YAML::NodeType::Map);
    for (const auto& kv : entries_) {
        std::vector<std::string> parts;
        std::stringstream ss(kv.first);
        for (std::string part; std::getline(ss, part, '.');) parts.push_back(part);
        YAML::Node node = root;
        if (parts.empty()) continue;
        for (size_t i = 0; i + 1 < parts.size(); ++i) {
            if (!node[parts[i]]) node[parts[i]] = YAML::Node(YAML::NodeType::Map);
            if (!node[parts[i]].IsMap())  // only --set can make "a" and "a.b" both hold values
                throw ConfigError(kv.second.file, kv.second.line,
                                  "'" + kv.first + "' lies under a key that holds a value");
            node.reset(node[parts[i]]);  // rebind; plain assignment would overwrite the value
        }
        if (kv.second.is_list) {
            YAML::Node list(YAML::NodeType::Sequence);
            for (const auto& v : kv.second.values) list.push_back(v);
            node[parts.back()] = list;
        } else {
            node[parts.back()] = kv.second.values.empty() ? "" : kv.second.values[0];
        }
    }
    YAML::Emitter out;
    out << root;
    return std::string(out.c_str()) + "\n";
}

}  // namespace scanfix
