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
  libmimalloc-dev           # the allocator of plateau and of the engine benchmark (fewer instructions than glibc's)
  clang-14                  # make fuzz: libFuzzer targets (-fsanitize=fuzzer,address,undefined)
  libclang-rt-14-dev        # make fuzz: libFuzzer's runtime (libclang_rt.fuzzer), only recommended by clang-14
  libsqlite3-dev            # plateau serve: the default store (an embedded SQLite file)
  libpq-dev                 # plateau serve: the shared store (PostgreSQL, through libpq)
  libcpp-httplib-dev        # plateau serve: the HTTP server
  libsodium-dev             # plateau serve: argon2id password hashes, session tokens
  postgresql                # the store's tests against a real PostgreSQL (tests/store/with_postgresql.sh)
  chromium                  # end-to-end tests of the web UI (tests/e2e), driven by playwright-core
  curl                      # tests of plateau serve's HTTP API (tests/server)
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js and npm run the browser tests (playwright-core from npm). A machine that already has a
# node with its npm (nodesource's, say) keeps it: Debian's npm would conflict with it.
if ! command -v npm >/dev/null 2>&1; then
  for p in nodejs npm; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi

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
