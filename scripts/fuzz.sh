#!/usr/bin/env bash
# Runs one libFuzzer target for a given time:  scripts/fuzz.sh TARGET SECONDS [libFuzzer flags]
# TARGET is text_cleanup, eval_formats, profile, image_loading, manifest or tune_parameters
# (tests/fuzz/fuzz_TARGET.cpp).
# Builds build-fuzz/ with clang++ and ASan+UBSan (SCANFIX_FUZZ=ON) when needed. The growing
# corpus lives in build-fuzz/corpus/TARGET, seeded from tests/fuzz/corpus/TARGET; a crash,
# leak or timeout input is written to build-fuzz/findings/TARGET/ — copy it into
# tests/fuzz/regressions/TARGET/ once fixed, and ctest replays it in every build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: $0 TARGET SECONDS [libFuzzer flags]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
build=${SCANFIX_FUZZ_BUILD:-build-fuzz}
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ \
    -DSCANFIX_FUZZ=ON -DSCANFIX_BUILD_TESTS=OFF >/dev/null
fi
cmake --build "$build" --target "fuzz_$target"
corpus="$build/corpus/$target" findings="$build/findings/$target"
mkdir -p "$corpus" "$findings"
export OMP_THREAD_LIMIT=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizer/lsan.supp
log="$build/fuzz-$target.log"
set +e
"$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$findings/" "$@" \
  "$corpus" "tests/fuzz/corpus/$target" 2>&1 | tee "$log" | grep -E "^#[0-9]+ +(INITED|DONE|pulse)|ERROR|SUMMARY|Test unit written" 
status=${PIPESTATUS[0]}
set -e
execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
files=$(find "$corpus" -type f | wc -l)
bytes=$(du -sb "$corpus" | cut -f1)
echo "fuzz_$target: ${seconds}s, exit $status, ${execs:-?} executions, corpus $files files / $bytes bytes"
exit "$status"
