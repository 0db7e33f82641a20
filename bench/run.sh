#!/usr/bin/env bash
# make bench: plateau's batch throughput, measured in one run on the same generated input.
#
#   (a) the I/O floor: plateau-bench-floor reads and parses the input with simdjson and writes as
#       many bytes as plateau wrote, doing no payroll work (one thread);
#   (b) plateau compute --ndjson, end to end, on every core;
#   (c) the engine alone (Google Benchmark: plateau-bench-engine), in person-weeks per second.
#
# Prints the ratio (b)/(a), person-weeks per second for (b) and (c), peak memory of (b), and the
# times at 1× and 10× the input size. Settings (environment):
#   BENCH_BYTES   size of the 1× input, with K, M or G (default 100M; 10× is ten times that)
#   BENCH_SEED    generator seed (default 1)
#   BENCH_DIR     where the inputs go (default /dev/shm/plateau-bench, a RAM disk, so the disk's
#                 speed is not measured; else build/bench-data)
#   BENCH_OUTPUT  where (a) and (b) write: "null" (default: /dev/null, so what is measured is
#                 plateau, not the memory or disk behind a file) or "file" (a file in BENCH_DIR)
#   BENCH_REPEAT  runs of (a) and (b) at 1× and of each (c) benchmark, the best kept (default 3; 10× runs once)
# Benchmarks are not tests: nothing here passes or fails on a time.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
BYTES=${BENCH_BYTES:-100M}
SEED=${BENCH_SEED:-1}
REPEAT=${BENCH_REPEAT:-3}
OUTPUT=${BENCH_OUTPUT:-null}
if [ -z "${BENCH_DIR:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then BENCH_DIR=/dev/shm/plateau-bench; else BENCH_DIR=$BUILD_DIR/bench-data; fi
fi
mkdir -p "$BENCH_DIR"
trap 'rm -f "$BENCH_DIR"/*.out' EXIT

# Where (a) and (b) write.
output_args() {  # output_args NAME → the -o option, or nothing for /dev/null (timed() discards stdout)
  [ "$OUTPUT" = file ] && echo "-o $BENCH_DIR/$1.out"
  return 0
}

plateau=$BUILD_DIR/plateau
generate=$BUILD_DIR/bench/plateau-bench-generate
floor=$BUILD_DIR/bench/plateau-bench-floor
engine=$BUILD_DIR/bench/plateau-bench-engine
export PLATEAU_AGREEMENTS=${PLATEAU_AGREEMENTS:-$PWD/agreements}

# "100M" -> bytes
to_bytes() {
  local text=$1 number=${1%[KkMmGg]} unit=${1: -1}
  case $unit in
    K|k) echo $((number * 1024)) ;;
    M|m) echo $((number * 1024 * 1024)) ;;
    G|g) echo $((number * 1024 * 1024 * 1024)) ;;
    *) echo "$text" ;;
  esac
}

# Runs a command under GNU time; prints "seconds peak_kib".
timed() {
  local report
  report=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$report" "$@" >/dev/null 2>>"$BENCH_DIR/stderr.log"
  cat "$report"
  rm -f "$report"
}

# The best (lowest time) of N runs; prints "seconds peak_kib".
best_of() {
  local n=$1
  shift
  local best="" line
  for _ in $(seq "$n"); do
    line=$(timed "$@")
    if [ -z "$best" ] || awk -v a="${line% *}" -v b="${best% *}" 'BEGIN { exit !(a < b) }'; then best=$line; fi
  done
  echo "$best"
}

one_x=$(to_bytes "$BYTES")
ten_x=$((one_x * 10))
: >"$BENCH_DIR/stderr.log"

echo "plateau bench: seed $SEED, 1× = $one_x bytes, inputs in $BENCH_DIR, output to $([ "$OUTPUT" = file ] && echo "files there" || echo /dev/null)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

declare -A seconds_a seconds_b peak_b weeks size out_size
for scale in 1 10; do
  input=$BENCH_DIR/input-${scale}x.ndjson
  want=$([ "$scale" = 1 ] && echo "$one_x" || echo "$ten_x")
  if [ ! -f "$input" ] || [ "$(cat "$input.meta" 2>/dev/null)" != "$SEED $want" ]; then
    "$generate" --seed "$SEED" --bytes "$want" -o "$input"
    echo "$SEED $want" >"$input.meta"
  fi
  size[$scale]=$(stat -c %s "$input")
  weeks[$scale]=$("$floor" "$input" --count)
  runs=$([ "$scale" = 1 ] && echo "$REPEAT" || echo 1)
  # Warm the page cache, so both read the input from memory.
  cat "$input" >/dev/null
  # shellcheck disable=SC2046 # output_args is empty or "-o FILE"
  read -r seconds_b[$scale] peak_b[$scale] < <(best_of "$runs" "$plateau" compute "$input" --ndjson $(output_args plateau))
  # The bytes plateau writes, for the floor to write as many: counted in a run of its own, so that
  # no pipe slows the timed ones.
  out_size[$scale]=$("$plateau" compute "$input" --ndjson | wc -c)
  # shellcheck disable=SC2046
  read -r seconds_a[$scale] _ < <(best_of "$runs" "$floor" "$input" --output-bytes "${out_size[$scale]}" $(output_args floor))
  rm -f "$BENCH_DIR/plateau.out" "$BENCH_DIR/floor.out"
done

echo
echo "(c) the engine alone (Google Benchmark, one thread; each benchmark $REPEAT times, the best counts, as for (a) and (b)):"
"$engine" --batches=2000 --seed="$SEED" --benchmark_min_time=1 --benchmark_repetitions="$REPEAT" \
    --benchmark_report_aggregates_only=false 2>/dev/null | tee "$BENCH_DIR/engine.txt" |
  grep -E "^workload|^(engine_compute|engine_compute_from_memory|read_json|write_json)/[a-z]+_time "
# Person-weeks per second of one benchmark, the best of its runs (not its mean or median lines), as
# a plain number.
rate_of() {
  grep -E "^$1/[a-z_]+_time " "$BENCH_DIR/engine.txt" | sed -E 's/.*person_weeks=([0-9.]+)([kM]?)\/s.*/\1 \2/' |
    awk '{ m = ($2 == "k") ? 1e3 : ($2 == "M") ? 1e6 : 1; v = $1 * m; if (v > best) best = v } END { printf "%.0f", best }'
}
engine_rate=$(rate_of engine_compute)
engine_rate_from_memory=$(rate_of engine_compute_from_memory)

echo
printf "%-6s %12s %13s %10s %10s %8s %14s %12s\n" scale "input MB" person-weeks "(a) s" "(b) s" "(b)/(a)" "(b) pw/s" "peak MiB"
for scale in 1 10; do
  awk -v s="${scale}×" -v bytes="${size[$scale]}" -v w="${weeks[$scale]}" -v a="${seconds_a[$scale]}" \
      -v b="${seconds_b[$scale]}" -v peak="${peak_b[$scale]}" 'BEGIN {
    printf "%-6s %12.1f %13d %10.2f %10.2f %8.2f %14.0f %12.1f\n", s, bytes / 1e6, w, a, b,
      (a > 0 ? b / a : 0), (b > 0 ? w / b : 0), peak / 1024 }'
done
awk -v b1="${seconds_b[1]}" -v b10="${seconds_b[10]}" -v w1="${weeks[1]}" -v w10="${weeks[10]}" 'BEGIN {
  printf "linearity: 10× the input (%.2f× the person-weeks) took %.2f× the time\n", w10 / w1, b10 / b1 }'
echo "(c) engine alone: $engine_rate person-weeks/s on one core (best of $REPEAT), each batch computed as the stream computes it"
echo "    (the same batches read from main memory, engine_compute_from_memory: $engine_rate_from_memory person-weeks/s)"
echo "output: ${out_size[1]} bytes at 1×, ${out_size[10]} at 10×; problems on stderr: $(wc -l <"$BENCH_DIR/stderr.log") lines ($BENCH_DIR/stderr.log)"
