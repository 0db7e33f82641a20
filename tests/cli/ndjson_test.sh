#!/usr/bin/env bash
# compute --ndjson, run as a user would: one output line per input line, in order; each line what
# `compute --format json` writes for that batch alone; bad lines answered in place; the same bytes
# on one thread or two; usage errors. Usage: ndjson_test.sh PLATEAU SOURCE_DIR
set -u
plateau="$1"
source_dir="$2"
example="$source_dir/examples/le-grand-nord.json"
source "$(dirname "$0")/harness.sh"

# The example batch on one line (JSON strings hold no raw newline, so removing them is safe).
tr -d '\n' <"$example" >"$work/one.json"
echo >>"$work/one.json"
"$plateau" compute "$example" --format json >"$work/alone.json"

# Three lines: good, cut short, good.
{ cat "$work/one.json"; echo '{"format": "plateau-payroll/1",'; cat "$work/one.json"; } >"$work/three.ndjson"
"$plateau" compute "$work/three.ndjson" --ndjson -o "$work/three.out" 2>"$work/three.err"
check "a bad line: exit status 1" $([ $? -eq 1 ]; echo $?)
check "three lines in, three out" $([ "$(wc -l <"$work/three.out")" -eq 3 ]; echo $?)
check "line 1 is compute's output for that batch alone" $(cmp -s <(sed -n 1p "$work/three.out") "$work/alone.json"; echo $?)
check "line 3 likewise" $(cmp -s <(sed -n 3p "$work/three.out") "$work/alone.json"; echo $?)
check "line 2 is an error line" $(sed -n 2p "$work/three.out" | grep -qE '^\{"format": "plateau-pay/1", "line": 2, "error": ".*invalid JSON'; echo $?)
check "stderr names file and line" $(grep -qE "three\.ndjson:2: .*invalid JSON" "$work/three.err"; echo $?)
check "no temporary file left" $([ -z "$(ls "$work" | grep '\.tmp\.')" ]; echo $?)

# 300 good lines: one thread and two give the same bytes; standard input works; exit 0.
for _ in $(seq 300); do cat "$work/one.json"; done >"$work/many.ndjson"
"$plateau" compute "$work/many.ndjson" --ndjson --threads 1 -o "$work/many-1.out"
check "300 lines, one thread: exit 0" $?
"$plateau" compute - --ndjson --threads 2 <"$work/many.ndjson" >"$work/many-2.out"
check "300 lines from stdin, two threads: exit 0" $?
check "one thread and two write the same bytes" $(cmp -s "$work/many-1.out" "$work/many-2.out"; echo $?)
check "300 lines out" $([ "$(wc -l <"$work/many-2.out")" -eq 300 ]; echo $?)
check "French explanations" $("$plateau" compute "$work/one.json" --ndjson --lang fr | grep -q 'Taux journalier'; echo $?)

# A device is written to, not replaced by a file (plateau runs as root in CI: /dev/null must stay).
"$plateau" compute "$work/many.ndjson" --ndjson -o /dev/null
check "-o /dev/null (stream): exit 0, still a device" $([ $? -eq 0 ] && [ -c /dev/null ]; echo $?)
"$plateau" compute "$example" --format json -o /dev/null
check "-o /dev/null (one batch): exit 0, still a device" $([ $? -eq 0 ] && [ -c /dev/null ]; echo $?)

# Usage errors: exit 2, nothing computed.
"$plateau" compute "$work/one.json" --threads 2 >/dev/null 2>&1
check "--threads needs --ndjson" $([ $? -eq 2 ]; echo $?)
"$plateau" compute "$work/one.json" --ndjson --format text >/dev/null 2>"$work/usage.err"
check "--ndjson writes JSON only" $([ $? -eq 2 ] && grep -q 'writes JSON lines' "$work/usage.err"; echo $?)
"$plateau" compute "$work/one.json" --ndjson --input-format csv >/dev/null 2>&1
check "--ndjson reads JSON only" $([ $? -eq 2 ]; echo $?)
"$plateau" compute "$work/missing.ndjson" --ndjson -o "$work/never.out" 2>"$work/missing.err"
check "a missing input: exit 1, named" $([ $? -eq 1 ] && grep -q 'missing.ndjson: cannot open' "$work/missing.err" && [ ! -e "$work/never.out" ]; echo $?)

finish
