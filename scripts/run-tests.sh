#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds in Release
# and runs the whole test suite through ctest. With SCANFIX_SANITIZE_TESTS=1 it then builds
# build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer) and runs the suite again there
# (see docs/reliability.md). With SCANFIX_FAIL_ON_SKIP=1 (the default when CI=true) a skipped
# test fails the run: CI installs everything the suite needs, so a skip there is a fault.
set -euo pipefail
cd "$(dirname "$0")/.."
fail_on_skip="${SCANFIX_FAIL_ON_SKIP:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}"

# ctest in the current folder with the given options; skipped tests are listed at the end.
run_suite() {
  local log
  log="$(mktemp)"
  ctest --output-on-failure --no-tests=error "$@" | tee "$log"
  local skipped
  skipped="$(grep -E '\(Skipped\)$' "$log" || true)"
  rm -f "$log"
  if [ -n "$skipped" ] && [ "$fail_on_skip" = 1 ]; then
    echo "scanfix: tests skipped where everything they need should be installed:" >&2
    echo "$skipped" >&2
    exit 1
  fi
}

scripts/install-deps.sh --tests
scripts/build.sh -DSCANFIX_BUILD_TESTS=ON
(cd build && OMP_THREAD_LIMIT=1 run_suite -j"$(nproc)" --timeout 900)
if [ "${SCANFIX_SANITIZE_TESTS:-0}" = 1 ]; then
  SCANFIX_BUILD_DIR=build-asan scripts/build.sh -DSCANFIX_BUILD_TESTS=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCANFIX_SANITIZE=ON
  (cd build-asan && OMP_THREAD_LIMIT=1 LSAN_OPTIONS="suppressions=$PWD/../tests/sanitizer/lsan.supp" \
    UBSAN_OPTIONS=print_stacktrace=1 run_suite -j"$(nproc)" --timeout 1800)
fi
