// Turning library errors into one stderr line and a documented exit code (see core/error.hpp).
#pragma once

#include <functional>
#include <string>

namespace scanfix::cli {

// Prints "scanfix: <message>" on stderr.
void print_error(const std::string& message);

// Runs `body`; a scanfix::Error (or any std::exception) becomes one stderr line and the exit
// code of its kind. Returns body's exit code otherwise.
int guarded(const std::function<int()>& body);

// The exit code for the exception currently being handled, after printing it.
int report_current_exception();

}  // namespace scanfix::cli
