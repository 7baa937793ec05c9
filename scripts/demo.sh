#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the main job on the bundled example:
# installs what is missing, builds, and runs kpi on the five projects of the seed table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo
echo "== kpi check examples/targets.kpi        (审核绩效目标 / audit the targets)"
./build/kpi check examples/targets.kpi
echo
echo "== kpi eval examples/targets.kpi examples/actuals.kpi        (年终自评打分 / score the year)"
./build/kpi eval examples/targets.kpi examples/actuals.kpi
