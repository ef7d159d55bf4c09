#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds in Release
# and runs the whole test suite through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh
cd build
OMP_THREAD_LIMIT=1 ctest --output-on-failure -j"$(nproc)" --timeout 900
