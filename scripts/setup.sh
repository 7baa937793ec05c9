#!/usr/bin/env bash
# Installs what kpi needs to build and test on Debian 12, skipping what is already there
# (apt-get update and install run only when something is missing). Checked on a bare
# `debootstrap --variant=minbase bookworm` root: demo.sh then test.sh, as root without sudo.
set -euo pipefail

packages=(
  # the toolchain (ctest comes with cmake)
  g++ cmake ninja-build pkg-config
  # find_package in CMakeLists.txt
  tao-pegtl-dev libfmt-dev librange-v3-dev libcli11-dev nlohmann-json3-dev libssl-dev
  libsimdjson-dev libmimalloc-dev libgtest-dev libgmock-dev
  # pkg_check_modules; xlsxwriter.pc links -lz, which libxlsxwriter-dev does not bring
  libxlsxwriter-dev zlib1g-dev libre2-dev libgmp-dev
  # the benchmarks (-DKPI_BENCH=ON)
  libbenchmark-dev
  # the tests read the sheets inside the .xlsx kpi writes, and parse every XML part of it
  unzip python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "kpi setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "kpi setup: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
