#!/usr/bin/env bash
# Command-line tests: run the built plateau on files and check outputs and exit statuses.
# Usage: cli_test.sh PLATEAU SOURCE_DIR
set -u
plateau="$1"
source_dir="$2"
example="$source_dir/examples/le-grand-nord.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# expect NAME WANTED_STATUS PATTERN -- command…: runs the command, checks its exit status and that
# PATTERN (grep -E) occurs in its standard output + standard error.
expect() {
  local name="$1" wanted="$2" pattern="$3"
  shift 4
  local output status
  output="$("$@" 2>&1)"
  status=$?
  if [ "$status" -ne "$wanted" ]; then
    echo "FAIL $name: exit status $status, expected $wanted"; echo "$output" | head -5; failed=$((failed + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$output"; then
    echo "FAIL $name: output lacks /$pattern/"; echo "$output" | head -5; failed=$((failed + 1)); return
  fi
  echo "ok   $name"; passed=$((passed + 1))
}

expect "compute json"        0 '^\{"format": "plateau-pay/1", "agreement": \{"id": "dgc-quebec"' -- "$plateau" compute "$example" --format json
expect "compute json totals" 0 '"totals": \{"gross": "[0-9]+\.[0-9]{2}", "net_pay": "[0-9]+\.[0-9]{2}"\}' -- "$plateau" compute "$example" --format json
expect "compute text"        0 'BATCH GROSS' -- "$plateau" compute "$example" --format text
expect "remittance csv"      0 '^,TOTAL,,guild,[0-9.]+,' -- "$plateau" compute "$example" --format remittance-csv
expect "compute french"      0 'Taux journalier, lun\. 2009-04-06' -- "$plateau" compute "$example" --format text --lang fr
expect "json when piped"     0 '^\{"format"' -- "$plateau" compute "$example"
expect "stdin"               0 '"plateau-pay/1"' -- bash -c "\"$plateau\" compute - --format json < \"$example\""
expect "check clean"         0 'ok, 12 people' -- "$plateau" check "$example"

printf '{"format": "plateau-payroll/1",\n "production": {"agreement": "dgc-quebec"},\n "crew": [ }' > "$work/broken.json"
expect "bad json"            1 'broken.json: line 3, column' -- "$plateau" compute "$work/broken.json"
expect "bad json check"      1 'invalid JSON' -- "$plateau" check "$work/broken.json"
sed 's/"755.00"/"755.005"/' "$example" > "$work/three-decimals.json"
expect "bad money"           1 'crew\[0\]\.rate\.amount: expected a decimal amount with at most 2 decimals' -- "$plateau" compute "$work/three-decimals.json"
expect "missing file"        1 'nope.json: cannot read' -- "$plateau" compute "$work/nope.json"

# -o writes whole files only: nothing on bad input, no temporary left behind.
expect "output file"         0 '' -- "$plateau" compute "$example" -o "$work/pay.json"
if grep -q '"plateau-pay/1"' "$work/pay.json" && [ -z "$(ls "$work" | grep '\.tmp\.')" ]; then
  echo "ok   output file content"; passed=$((passed + 1))
else
  echo "FAIL output file content"; failed=$((failed + 1))
fi
expect "no half write"       1 '' -- "$plateau" compute "$work/broken.json" -o "$work/never.json"
if [ ! -e "$work/never.json" ]; then echo "ok   nothing written on bad input"; passed=$((passed + 1)); else echo "FAIL never.json written"; failed=$((failed + 1)); fi

expect "usage: no command"   2 'A subcommand is required|subcommand' -- "$plateau"
expect "usage: bad format"   2 'format' -- "$plateau" compute "$example" --format xml
expect "usage: bad lang"     2 'lang' -- "$plateau" compute "$example" --lang de
expect "help"                0 'Examples?:' -- "$plateau" compute --help
expect "agreements list"     0 'dgc-quebec' -- "$plateau" agreements list
expect "agreements show"     0 'Qc 2\.05' -- "$plateau" agreements show dgc-quebec
expect "agreements show fr"  0 'Heures supplémentaires|heures supplémentaires' -- "$plateau" agreements show dgc-quebec --lang fr
expect "agreements show date" 2 'no version in force on 2008-06-01' -- "$plateau" agreements show dgc-quebec --date 2008-06-01
expect "agreements unknown"  2 'unknown agreement "nope"' -- "$plateau" agreements show nope

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
