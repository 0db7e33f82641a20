#!/usr/bin/env bash
# Installs what plateau needs to build and test on Debian 12, and nothing that is already there.
# Idempotent: a second run installs nothing and does not touch the network.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config tzdata
  libtomlplusplus-dev       # agreement files (TOML)
  libsimdjson-dev           # payroll batch input (JSON)
  libcli11-dev              # command line
  libhowardhinnant-date-dev # IANA time zones (C++20 <chrono> tz is not in GCC 12)
  libexpected-dev           # tl::expected, errors as values
  googletest libgtest-dev libgmock-dev # unit tests
  nlohmann-json3-dev        # line and column of JSON syntax errors; golden test files
  librapidcheck-dev         # property tests
  libbenchmark-dev          # make bench: the engine alone (Google Benchmark)
  time                      # make bench: peak memory (GNU time)
  clang-14                  # make fuzz: libFuzzer targets (-fsanitize=fuzzer,address,undefined)
  libclang-rt-14-dev        # make fuzz: libFuzzer's runtime (libclang_rt.fuzzer), only recommended by clang-14
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
