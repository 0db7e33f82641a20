#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, in build-fuzz/) and runs each for a set time,
# one after the other on one core: `make fuzz` (FUZZ_SECONDS=300 each) and .ci/run (60 each).
#
#   FUZZ_SECONDS   seconds per target (default 300)
#   FUZZ_TARGETS   the targets to run (default: all, in the order below)
#   FUZZ_DIR       build directory (default build-fuzz)
#   JOBS           build jobs (default: every core)
#
# Each target first replays fuzz/regressions/<target>/ (every input ever fixed), then fuzzes from
# its seed corpus (written from tests/ and examples/ by fuzz_seeds) and what earlier runs found
# (FUZZ_DIR/corpus/<target>/, kept between runs). Fails if any target finds a crash, a leak,
# undefined behaviour, a hang (-timeout), memory beyond -rss_limit_mb, or a broken invariant; the
# input that did it is left in FUZZ_DIR/artifacts/<target>/ and named in the summary: fix the
# reader, then copy the input into fuzz/regressions/<target>/ (docs/robustness.md).
set -uo pipefail
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${FUZZ_SECONDS:-300}
FUZZ_DIR=${FUZZ_DIR:-build-fuzz}
JOBS=${JOBS:-$(nproc)}
FUZZ_TARGETS=${FUZZ_TARGETS:-batch_json batch_csv agreement_toml money clock whole_path}

# One input may take at most this long (a hang) and the process this much memory (an OOM). An
# input of at most max_len bytes is tried: enough for a batch of a dozen people and days, or a
# whole agreement file.
TIMEOUT_SECONDS=10
RSS_LIMIT_MB=2048
declare -A MAX_LEN=([batch_json]=65536 [batch_csv]=65536 [agreement_toml]=131072 [money]=128 [clock]=128 [whole_path]=65536)
declare -A DICT=([batch_json]=json.dict [batch_csv]=csv.dict [agreement_toml]=toml.dict [money]=money.dict [clock]=clock.dict [whole_path]=whole_path.dict)

set -e
cmake -S . -B "$FUZZ_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
  -DPLATEAU_FUZZ=ON -DPLATEAU_WERROR="${WERROR:-OFF}" >/dev/null
cmake --build "$FUZZ_DIR" -j "$JOBS"
rm -rf "$FUZZ_DIR/seeds"
"$FUZZ_DIR/fuzz/fuzz_seeds" . "$FUZZ_DIR/seeds"
cat fuzz/json.dict fuzz/csv.dict > "$FUZZ_DIR/whole_path.dict"
set +e

export PLATEAU_AGREEMENTS="$PWD/agreements"
# Leaks are errors; a report names the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
summary=()
for target in $FUZZ_TARGETS; do
  binary="$FUZZ_DIR/fuzz/fuzz_$target"
  corpus="$FUZZ_DIR/corpus/$target"
  artifacts="$FUZZ_DIR/artifacts/$target/"
  regressions="fuzz/regressions/$target"
  dict="fuzz/${DICT[$target]}"
  [ -f "$dict" ] || dict="$FUZZ_DIR/${DICT[$target]}"
  rm -rf "$artifacts"  # what an earlier run found is in fuzz/regressions/ once fixed
  mkdir -p "$corpus" "$artifacts" "$regressions"
  log="$FUZZ_DIR/fuzz-$target.log"

  echo "== fuzz_$target: regressions"
  mapfile -t kept < <(find "$regressions" -type f | sort)
  if [ ${#kept[@]} -gt 0 ] && ! "$binary" -timeout=$TIMEOUT_SECONDS -rss_limit_mb=$RSS_LIMIT_MB "${kept[@]}" >"$log.regressions" 2>&1; then
    tail -n 30 "$log.regressions"
    failed+=("$target (a regression input fails again: $log.regressions)")
    continue
  fi

  echo "== fuzz_$target: ${FUZZ_SECONDS}s"
  "$binary" -max_total_time="$FUZZ_SECONDS" -timeout=$TIMEOUT_SECONDS -rss_limit_mb=$RSS_LIMIT_MB \
    -max_len="${MAX_LEN[$target]}" -dict="$dict" -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$corpus" "$FUZZ_DIR/seeds/$target" >"$log" 2>&1
  status=$?
  stats=$(grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" | awk '!seen[$0]++' | tr -s ' ' | tr '\n' ' ')
  summary+=("fuzz_$target: exit $status; $stats")
  if [ $status -ne 0 ]; then
    tail -n 40 "$log"
    found=$(ls -t "$artifacts" 2>/dev/null | head -n 1)
    failed+=("$target (exit $status; input: $artifacts$found; log: $log)")
  fi
done

echo
echo "== fuzz summary (${FUZZ_SECONDS}s per target)"
for line in "${summary[@]}"; do echo "$line"; done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED:"
  for line in "${failed[@]}"; do echo "  $line"; done
  exit 1
fi
echo "fuzz: no crash, leak, undefined behaviour, hang or broken invariant"
