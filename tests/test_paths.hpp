// Where tests find their data: the source tree (samples/, dictionaries/, profiles/), the
// build tree (the scanfix binary), ../shared/data and ../shared/schemas. Each is overridable
// by environment.
#pragma once

#include <string>

namespace scanfix::test {

// Source tree root; $SCANFIX_TEST_DATA overrides.
std::string source_dir();
// Build tree root (where tools/scanfix/scanfix lives).
std::string binary_dir();
// ../shared/data next to the checkout, or $SCANFIX_SHARED_DATA; empty when absent.
std::string shared_data_dir();
// ../shared/schemas next to the checkout (official ALTO 4.4 and PAGE 2019-07-15 schemas), or
// $SCANFIX_SHARED_SCHEMAS; empty when absent.
std::string shared_schemas_dir();
// A fresh empty temporary folder for one test.
std::string temp_dir(const std::string& tag);
// Runs a shell command, returns its exit status; stdout and stderr are captured.
int run_command(const std::string& cmd, std::string* out = nullptr, std::string* err = nullptr);
// Whole file as a string (empty when missing).
std::string slurp(const std::string& path);

}  // namespace scanfix::test
