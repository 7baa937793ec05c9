#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/*_fuzz.cpp) into build-fuzz/ with clang, ASan and
# UBSan, and runs each for SECONDS (default 60) from a seed corpus of the repository's files.
# Fails on the first crash, hang (> 10 s per input) or out-of-memory (> 2 GB); the input that
# caused it is left in build-fuzz/artifacts/<target>/.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET…]     e.g. bash scripts/fuzz.sh 300 load_fuzz
#
# A target's first line says where its seeds come from and which dictionary it uses:
#   // fuzz: seeds=kpi dict=kpi.dict
# `seeds=` lists file extensions searched in examples/ stdlib/ tests/lang/ tests/data/ (and rules/
# when it exists); `dict=` names a file in tests/fuzz/. Adding a target is adding that file.
# The grown corpus is kept in build-fuzz/corpus/<target>/ and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
case "$seconds" in '' | *[!0-9]*) echo "usage: $0 [SECONDS] [TARGET…]" >&2; exit 2 ;; esac

# ---- what the build needs, on a fresh Debian 12 machine ----
bash scripts/setup.sh
need=(clang libclang-rt-14-dev llvm)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "kpi fuzz: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# ---- build ----
# The main project with tests/fuzz/fuzz.cmake included: only the engine and the fuzz targets.
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKPI_TESTS=OFF \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_PROJECT_kpi_INCLUDE="$PWD/tests/fuzz/fuzz.cmake" >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_targets

# ---- run ----
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/*_fuzz.cpp; do targets+=("$(basename "$src" .cpp)"); done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

status=0
for t in "${targets[@]}"; do
  src="tests/fuzz/$t.cpp"
  [ -f "$src" ] || { echo "kpi fuzz: no such target $src" >&2; exit 2; }
  header="$(head -n 1 "$src")"
  exts="$(sed -n 's/.*seeds=\([^ ]*\).*/\1/p' <<<"$header" | tr ',' ' ')"
  dict="$(sed -n 's/.*dict=\([^ ]*\).*/\1/p' <<<"$header")"
  exts="${exts:-kpi}"

  seeds="build-fuzz/seeds/$t"
  corpus="build-fuzz/corpus/$t"
  artifacts="build-fuzz/artifacts/$t"
  rm -rf "$seeds"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  for dir in examples stdlib tests/lang tests/data rules; do
    [ -d "$dir" ] || continue
    for ext in $exts; do
      find "$dir" -type f -name "*.$ext" -size -64k -print0 |
        while IFS= read -r -d '' f; do cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"; done
    done
  done
  # Past crashes are seeds too: a regression shows up as a crash on the first pass.
  if [ -d tests/data/fuzz_regressions ]; then
    find tests/data/fuzz_regressions -type f ! -name '*.md' -exec cp {} "$seeds/" \;
  fi

  args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536
        -print_final_stats=1 -print_funcs=0 -artifact_prefix="$artifacts/")
  if [ -n "$dict" ]; then args+=(-dict="tests/fuzz/$dict"); fi
  echo "== $t: ${seconds}s, $(ls "$seeds" | wc -l) seeds (${exts}), corpus $(ls "$corpus" | wc -l) inputs"
  log="build-fuzz/$t.log"
  if ! "./build-fuzz/$t" "${args[@]}" "$corpus" "$seeds" >"$log" 2>&1; then
    echo "kpi fuzz: $t FAILED; the input is in $artifacts/, the log in $log:" >&2
    grep -v '^#' "$log" | tail -n 60 >&2
    status=1
    continue
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|cov:' "$log" | tail -n 4
done
exit $status
