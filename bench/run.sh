#!/usr/bin/env bash
# Builds kpi, bench/gen and the hand-written scorer in Release (build-bench/), then runs the
# whole-process benchmark (bench/run.py). Not part of CI. Arguments go to run.py, e.g.
#   bash bench/run.sh --sizes 1000,20000 --reps 5
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build-bench}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKPI_TESTS=OFF -DKPI_BENCH=ON >/dev/null
ninja -C "$BUILD" kpi kpi_gen kpi_handscore >/dev/null
exec python3 bench/run.py --build "$BUILD" "$@"
