// Typed errors thrown by the scanfix library. The library never prints and never exits:
// the command line (tools/scanfix) turns these into one stderr line and an exit code.
#pragma once

#include <stdexcept>
#include <string>

namespace scanfix {

// Base of everything scanfix throws on purpose.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A file the user gave us cannot be read or is not what it claims to be.
class InputError : public Error {
  public:
    InputError(const std::string& file, const std::string& reason)
        : Error(file + ": " + reason), file_(file), reason_(reason) {}
    const std::string& file() const { return file_; }
    const std::string& reason() const { return reason_; }

  private:
    std::string file_, reason_;
};

// A profile or parameter value is wrong; line is 0 when unknown.
class ConfigError : public Error {
  public:
    ConfigError(const std::string& file, int line, const std::string& reason)
        : Error(format(file, line, reason)), file_(file), line_(line) {}
    const std::string& file() const { return file_; }
    int line() const { return line_; }

  private:
    static std::string format(const std::string& file, int line, const std::string& reason) {
        if (file.empty()) return reason;
        return line > 0 ? file + ":" + std::to_string(line) + ": " + reason : file + ": " + reason;
    }
    std::string file_;
    int line_;
};

// The command line itself is wrong: a missing argument or options that do not go together.
class UsageError : public Error {
  public:
    UsageError(const std::string& option, const std::string& reason)
        : Error(option.empty() ? reason : option + ": " + reason) {}
};

// Tesseract could not be set up or failed on a page.
class OcrError : public Error {
  public:
    using Error::Error;
};

// Documented exit codes of the scanfix command line.
enum ExitCode : int {
    kExitOk = 0,
    kExitFailure = 1,  // some inputs failed, or an eval gate was exceeded
    kExitUsage = 2,    // bad command-line arguments
    kExitInput = 3,    // unreadable or invalid input
    kExitConfig = 4,   // broken profile or parameter
    kExitOcr = 5,      // Tesseract could not run (e.g. language not installed)
};

}  // namespace scanfix
