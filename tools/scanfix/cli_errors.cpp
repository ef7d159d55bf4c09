// Error reporting for the command line: one line per failure, typed exit codes.
#include "cli_errors.hpp"

#include <cstdio>
#include <exception>
#include <new>

#include "scanfix/core/error.hpp"

namespace scanfix::cli {

void print_error(const std::string& message) {
    std::fprintf(stderr, "scanfix: %s\n", message.c_str());
}

int report_current_exception() {
    try {
        throw;
    } catch (const InputError& e) {
        print_error(e.what());
        return kExitInput;
    } catch (const ConfigError& e) {
        print_error(e.what());
        return kExitConfig;
    } catch (const UsageError& e) {
        print_error(e.what());
        return kExitUsage;
    } catch (const OcrError& e) {
        print_error(e.what());
        return kExitOcr;
    } catch (const Error& e) {
        print_error(e.what());
        return kExitFailure;
    } catch (const std::bad_alloc&) {
        print_error("out of memory");
        return kExitFailure;
    } catch (const std::exception& e) {
        print_error(std::string("internal error: ") + e.what());
        return kExitFailure;
    }
}

int guarded(const std::function<int()>& body) {
    try {
        return body();
    } catch (...) {
        return report_current_exception();
    }
}

}  // namespace scanfix::cli
