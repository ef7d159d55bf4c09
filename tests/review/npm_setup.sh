#!/usr/bin/env bash
# Installs the browser test's npm packages (puppeteer-core, which drives Debian's chromium and
# downloads no browser) from the lock file into the build tree, once per lock file.
# Usage: npm_setup.sh DIR (holding package.json and package-lock.json). Exit 77: skipped.
set -euo pipefail
dir="$1"
if ! command -v npm >/dev/null; then
  echo "skipped: npm is not installed (scripts/install-deps.sh --tests installs it)"
  exit 77
fi
stamp="$dir/node_modules/.scanfix-lock"
if [[ -f "$stamp" ]] && cmp -s "$stamp" "$dir/package-lock.json"; then
  echo "puppeteer-core is installed from this lock file"
  exit 0
fi
cd "$dir"
PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
cp package-lock.json "$stamp"
