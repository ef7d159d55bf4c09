#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds in Release
# and runs the whole test suite through ctest. With SCANFIX_SANITIZE_TESTS=1 it then builds
# build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer) and runs the suite again there
# (see docs/reliability.md).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh
cd build
OMP_THREAD_LIMIT=1 ctest --output-on-failure -j"$(nproc)" --timeout 900
if [ "${SCANFIX_SANITIZE_TESTS:-0}" = 1 ]; then
  cd ..
  SCANFIX_BUILD_DIR=build-asan scripts/build.sh -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSCANFIX_SANITIZE=ON
  cd build-asan
  OMP_THREAD_LIMIT=1 LSAN_OPTIONS="suppressions=$PWD/../tests/sanitizer/lsan.supp" \
    UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j"$(nproc)" --timeout 1800
fi
