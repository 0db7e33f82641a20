#!/usr/bin/env bash
# Command-line tests: run the built plateau on files and check outputs and exit statuses.
# Usage: cli_test.sh PLATEAU SOURCE_DIR
set -u
plateau="$1"
source_dir="$2"
example="$source_dir/examples/le-grand-nord.json"
source "$(dirname "$0")/harness.sh"

expect "compute json"        0 '^\{"format": "plateau-pay/1", "agreement": \{"id": "dgc-quebec"' -- "$plateau" compute "$example" --format json
expect "compute json totals" 0 '"totals": \{"gross": "[0-9]+\.[0-9]{2}", "net_pay": "[0-9]+\.[0-9]{2}"\}' -- "$plateau" compute "$example" --format json
expect "compute text"        0 'BATCH GROSS' -- "$plateau" compute "$example" --format text
expect "remittance csv"      0 '^,TOTAL,,guild,[0-9.]+,' -- "$plateau" compute "$example" --format remittance-csv
expect "compute french"      0 'Taux journalier, lun\. 2009-04-06' -- "$plateau" compute "$example" --format text --lang fr
expect "json when piped"     0 '^\{"format"' -- "$plateau" compute "$example"
expect "stdin"               0 '"plateau-pay/1"' -- bash -c "\"$plateau\" compute - --format json < \"$example\""
expect "check clean"         0 '12 people, ok' -- "$plateau" check "$example"
expect "compute csv"         0 '^kind,person_id,person_name,classification,date,week,code,on,hours,multiplier,rate,base,amount' -- "$plateau" compute "$example" --format csv
expect "compute csv lines"   0 '^line,E-001,Marie Tremblay,1st Assistant Director,2009-04-07,,overtime,,1\.50,2,188\.75,,283\.13,' -- "$plateau" compute "$example" --format csv
expect "compute csv net"     0 '^net_pay,E-012,Thomas Wilson,' -- "$plateau" compute "$example" --format csv

# CSV timecards: the same pay as the JSON batch; errors name file, row and column.
csv_example="$source_dir/examples/le-grand-nord.csv"
"$plateau" compute "$example" --format json > "$work/from-json.json"
"$plateau" compute "$csv_example" --format json > "$work/from-csv.json"
if cmp -s "$work/from-json.json" "$work/from-csv.json"; then
  echo "ok   csv computes as json"; passed=$((passed + 1))
else
  echo "FAIL csv computes as json"; failed=$((failed + 1))
fi
expect "check csv"           0 'le-grand-nord.csv: 12 people, ok' -- "$plateau" check "$csv_example"
expect "csv from stdin"      0 '"plateau-pay/1"' -- bash -c "\"$plateau\" compute - --input-format csv --format json < \"$csv_example\""
sed '3s/,07:00,/,7h00,/' "$csv_example" > "$work/bad-time.csv"
expect "csv bad time"        1 'bad-time\.csv:3:14: call: found "7h00"; expected a time HH:MM' -- "$plateau" compute "$work/bad-time.csv"
expect "csv bad check"       1 'bad-time\.csv:3:14: call' -- "$plateau" check "$work/bad-time.csv"
# Problems the engine finds are placed in the CSV too: file:row:column, with the person's id.
sed 's/Set Designer/Set Desiner/g' "$csv_example" > "$work/misspelt.csv"
expect "csv engine place"    1 'misspelt\.csv:78:3: classification \(E-010\): unknown classification "Set Desiner"' -- "$plateau" check "$work/misspelt.csv"
sed 's/,America\/Toronto,/,America\/Montrea,/' "$csv_example" > "$work/zone.csv"
expect "csv production place" 1 'zone\.csv:2:40: production\.time_zone: expected an IANA time zone' -- "$plateau" compute "$work/zone.csv"
cp "$csv_example" "$work/timecards.txt"
expect "csv by option"       0 '12 people, ok' -- "$plateau" check "$work/timecards.txt" --input-format csv
expect "csv misread as json" 1 'invalid JSON' -- "$plateau" check "$work/timecards.txt"

# convert: CSV → JSON → CSV gives the file back; JSON → CSV → JSON computes the same pay.
expect "convert csv to json" 0 '' -- "$plateau" convert "$csv_example" -o "$work/converted.json"
expect "convert json to csv" 0 '' -- "$plateau" convert "$work/converted.json" -o "$work/back.csv"
if cmp -s "$csv_example" "$work/back.csv"; then
  echo "ok   convert round trip"; passed=$((passed + 1))
else
  echo "FAIL convert round trip"; failed=$((failed + 1))
fi
"$plateau" convert "$example" --to csv | "$plateau" convert - --input-format csv --to json > "$work/again.json"
"$plateau" compute "$work/again.json" --format json > "$work/from-again.json"
if cmp -s "$work/from-json.json" "$work/from-again.json"; then
  echo "ok   convert keeps the pay"; passed=$((passed + 1))
else
  echo "FAIL convert keeps the pay"; failed=$((failed + 1))
fi
expect "convert bad input"   1 'bad-time\.csv:3:14' -- "$plateau" convert "$work/bad-time.csv" -o "$work/never.json"
expect "convert bad --to"    2 'to' -- "$plateau" convert "$csv_example" --to xml
expect "convert help"        0 'Examples?:' -- "$plateau" convert --help
expect "explain help"        0 'Example:' -- "$plateau" explain --help
expect "check help"          0 'Example:' -- "$plateau" check --help

# explain: one person, step by step, with the agreement's words.
expect "explain"             0 'the agreement: "' -- "$plateau" explain "$example" --crew E-001
expect "explain date"        0 'Overtime ×2, Tue 2009-04-07: 1\.50 h beyond 14 h' -- "$plateau" explain "$example" --crew E-001 --date 2009-04-07
expect "explain facts"       0 'Facts: call 07:00, wrap 22:30 \(15\.50 h elapsed' -- "$plateau" explain "$example" --crew E-001 --date 2009-04-07
expect "explain fr"          0 'texte de l.entente' -- "$plateau" explain "$example" --crew E-001 --lang fr
expect "explain net pay"     0 'NET PAY' -- "$plateau" explain "$example" --crew E-012
expect "explain unknown id"  2 'no person "E-999" in .*; expected one of E-001, E-002' -- "$plateau" explain "$example" --crew E-999
expect "explain no such day" 2 'E-001 has no day 2009-04-05; days given: 2009-04-06' -- "$plateau" explain "$example" --crew E-001 --date 2009-04-05
expect "explain bad date"    2 '--date: ' -- "$plateau" explain "$example" --crew E-001 --date 2009-13-01
expect "explain needs crew"  2 'crew' -- "$plateau" explain "$example"

# --keep-going: a person below the minimum rate is left out, the others computed; exit 1.
sed 's/"amount": "405.00"/"amount": "100.00"/' "$example" > "$work/below-minimum.json"
expect "below minimum"       1 'crew\[3\]\.rate\.amount' -- "$plateau" compute "$work/below-minimum.json" --format json
expect "keep going"          1 'left out: --keep-going' -- "$plateau" compute "$work/below-minimum.json" --format json --keep-going
"$plateau" compute "$work/below-minimum.json" --format json --keep-going -o "$work/kept.json" 2>/dev/null
if grep -q '"E-005"' "$work/kept.json" && ! grep -q '"E-004"' "$work/kept.json"; then
  echo "ok   keep going output"; passed=$((passed + 1))
else
  echo "FAIL keep going output"; failed=$((failed + 1))
fi
expect "check problems"      1 '12 people, 1 rejected, 0 error finding' -- "$plateau" check "$work/below-minimum.json"

# Exit 3: computed, with an error-severity finding (a day off in lieu on which work is recorded).
python3 - "$example" "$work/lieu-worked.json" <<'PY'
import json, sys
batch = json.load(open(sys.argv[1]))
batch["crew"][0]["days_off_in_lieu"] = ["2009-04-07"]
json.dump(batch, open(sys.argv[2], "w"))
PY
expect "error findings"      3 '"day_off_in_lieu_worked"' -- "$plateau" compute "$work/lieu-worked.json" --format json
expect "check error finding" 3 'E-001 2009-04-07: day_off_in_lieu_worked' -- "$plateau" check "$work/lieu-worked.json"

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

finish
