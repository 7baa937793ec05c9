#!/usr/bin/env bash
# Builds kpi and its tests with AddressSanitizer and UndefinedBehaviorSanitizer into
# build-asan/ (-DKPI_SANITIZE=ON) and runs the whole test suite there. Any memory error, leak
# or undefined behaviour aborts the test that caused it. Extra arguments go to ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_SANITIZE=ON >/dev/null
cmake --build build-asan -j "$(nproc)"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd build-asan
ctest --output-on-failure -j "$(nproc)" "$@"
