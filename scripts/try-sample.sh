#!/usr/bin/env bash
# First command of the README: installs what is missing, builds in Release and prints the clean
# text scanfix reads from a bundled sample page.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
sample="${1:-samples/telegram-p1.jpg}"
echo "--- scanfix run $sample" >&2
build/tools/scanfix/scanfix run "$sample"
