#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to the main job on the bundled example:
# installs what is missing, builds, and runs kpi on the five projects of the seed table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
echo
echo "== kpi dump --format text examples/targets.kpi examples/actuals.kpi"
./build/kpi dump --format text examples/targets.kpi examples/actuals.kpi
echo
echo "== kpi eval examples/targets.kpi examples/actuals.kpi"
./build/kpi eval --allow-unmatched examples/targets.kpi examples/actuals.kpi
