#!/usr/bin/env bash
# Installs what kpi needs to build and test on Debian 12, skipping what is already there.
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config tao-pegtl-dev libfmt-dev librange-v3-dev libcli11-dev
          nlohmann-json3-dev libssl-dev libgtest-dev libgmock-dev libxlsxwriter-dev libbenchmark-dev libre2-dev libmimalloc-dev libsimdjson-dev libgmp-dev unzip)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "kpi setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
