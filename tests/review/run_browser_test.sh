#!/usr/bin/env bash
# Runs the review browser test (review_browser.mjs) with node, with puppeteer-core from the
# build tree's npm folder and Debian's chromium. Exit 77 (skipped) when one of them is missing.
# Usage: run_browser_test.sh NPM_DIR SCRIPT
set -euo pipefail
npm_dir="$1"
script="$2"
for tool in node chromium; do
  if ! command -v "$tool" >/dev/null; then
    echo "skipped: $tool is not installed (scripts/install-deps.sh --tests installs it)"
    exit 77
  fi
done
if [[ ! -d "$npm_dir/node_modules/puppeteer-core" ]]; then
  echo "skipped: puppeteer-core is not installed in $npm_dir (the review_browser_setup test does it)"
  exit 77
fi
REVIEW_NPM_DIR="$npm_dir" exec node "$script"
