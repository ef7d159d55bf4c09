#!/usr/bin/env bash
# Generates the benchmark's synthetic pages: one make_samples call per line of the set file
# (bench/synthetic_set.txt: "<name> | <variant> | <text> | <options>", text paths relative to the
# source root) into OUT_DIR as <name>.jpg with its references. The same file gives the same pages.
# Usage: bench/make_synthetic_set.sh MAKE_SAMPLES SET_FILE OUT_DIR [JOBS]
set -euo pipefail
if (($# < 3)); then
  echo "usage: $0 MAKE_SAMPLES SET_FILE OUT_DIR [JOBS]" >&2
  exit 2
fi
bin=$1 set=$2 out=$3 jobs=${4:-1}
root="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out"
sed -e 's/#.*//' "$set" | awk -F'|' 'NF == 4 {
    for (i = 1; i <= 4; ++i) gsub(/^[ \t]+|[ \t]+$/, "", $i)
    print $1 "\t" $3 "\t" $4 }' |
  while IFS=$'\t' read -r name text options; do
    printf '%s\0' "'$bin' '$root/$text' -o '$out' --stem '$name' $options >/dev/null"
  done | xargs -0 -n 1 -P "$jobs" bash -c
