// The stage interface every pipeline step implements, and the context it runs in.
// Stages are composed by profiles (ocr/pipeline, cleanup/registry); algorithms behind them stay
// free functions with parameter structs (see params.hpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "scanfix/core/page.hpp"
#include "scanfix/core/params.hpp"
#include "scanfix/core/profile.hpp"

namespace scanfix {

enum class LogLevel { Debug, Info, Warning };

// Where the library's messages go; the library itself never prints.
using LogSink = std::function<void(LogLevel, const std::string&)>;

struct Context {
    const Profile* profile = nullptr;  // never null while a pipeline runs
    LogSink log;                       // may be empty: messages are dropped
    std::string debug_dir;             // non-empty: stages write intermediate images here
    std::string data_dir;              // folder holding dictionaries/ and profiles/

    void info(const std::string& msg) const {
        if (log) log(LogLevel::Info, msg);
    }
    void warn(const std::string& msg) const {
        if (log) log(LogLevel::Warning, msg);
    }
};

class Stage {
  public:
    virtual ~Stage() = default;
    // Short name used in profiles, logs and reports, e.g. "binarize".
    virtual std::string name() const = 0;
    virtual void run(Page& page, const Context& ctx) const = 0;
};

}  // namespace scanfix
