// The context a pipeline runs in: its profile, where messages go, where debug images go and
// where the data (dictionaries/, profiles/) is. Preprocessing steps (ocr/preprocess_steps.hpp)
// and cleanup stages (cleanup/stage.hpp) are composed by profiles; the algorithms behind them
// stay free functions with parameter structs (see params.hpp).
#pragma once

#include <functional>
#include <string>

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

}  // namespace scanfix
