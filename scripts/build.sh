#!/usr/bin/env bash
# Configures and builds scanfix in Release into ./build (or $SCANFIX_BUILD_DIR); extra arguments
# go to cmake. Compiles through ccache when it is installed (and no launcher is given).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${SCANFIX_BUILD_DIR:-build}"
launcher=()
if command -v ccache >/dev/null && [[ " $* " != *CMAKE_CXX_COMPILER_LAUNCHER* ]]; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" "$@" >/dev/null
cmake --build "$build" -j"$(nproc)"
