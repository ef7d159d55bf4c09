#!/usr/bin/env bash
# First command of the README: installs what is missing (run-time packages only), builds in
# Release without the tests and benchmarks into ./build-sample (or $SCANFIX_BUILD_DIR), and
# prints the clean text scanfix reads from a bundled sample page (the only output on stdout). The configure flags below are
# what makes the build need nothing but the run-time packages; .ci/run runs this script as is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build="${SCANFIX_BUILD_DIR:-build-sample}"
# Every test- or benchmark-only package is disabled, so that a build that still asked for one
# fails here even on a machine where it is installed.
SCANFIX_BUILD_DIR="$build" scripts/build.sh --no-warn-unused-cli -DSCANFIX_BUILD_TESTS=OFF -DSCANFIX_BUILD_BENCH=OFF \
  -DCMAKE_DISABLE_FIND_PACKAGE_Catch2=ON -DCMAKE_DISABLE_FIND_PACKAGE_benchmark=ON >&2
sample="${1:-samples/telegram-p1.jpg}"
echo "--- scanfix run $sample" >&2
"$build/tools/scanfix/scanfix" run "$sample"
