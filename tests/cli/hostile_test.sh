#!/usr/bin/env bash
# Hostile input through the command, as a user's file would come (docs/robustness.md): generated
# here, refused with a message naming the place and the limit, exit status 1, never a crash.
# Usage: hostile_test.sh PLATEAU
set -u
plateau="$1"
source "$(dirname "$0")/harness.sh"

ten_mb() { head -c 10000000 /dev/zero | tr '\0' "$1"; }

# A 10 MB single line: a title, a CSV cell, bytes that are not text.
{ printf '{"format":"plateau-payroll/1","production":{"agreement":"dgc-quebec","title":"'; ten_mb x; printf '"},"crew":[]}'; } > "$work/title.json"
expect "10 MB string"     1 'production\.title: found a text of 10000000 bytes; expected at most 10000 bytes' -- "$plateau" compute "$work/title.json"
ten_mb x > "$work/line.csv"
expect "10 MB csv line"   1 'line\.csv:1:1: found a cell of more than 10000 characters' -- "$plateau" check "$work/line.csv"
ten_mb , > "$work/commas.csv"
expect "10 MB of commas"  1 'commas\.csv:1:1001: found more than 1000 cells on one row' -- "$plateau" check "$work/commas.csv"
head -c 10000000 /dev/urandom > "$work/random.json"
expect "10 MB of noise"   1 'invalid JSON|expected a payroll batch' -- "$plateau" compute "$work/random.json"

# Nesting 100,000 deep, valid and not.
{ printf '{"crew":'; head -c 100000 /dev/zero | tr '\0' '['; } > "$work/deep.json"
expect "deep nesting"     1 'crew\[0\]: expected an object; found an array' -- "$plateau" compute "$work/deep.json"
{ printf '{"x":'; head -c 100000 /dev/zero | tr '\0' '['; printf '\377'; } > "$work/deep-broken.json"
expect "deep and broken"  1 'nested more than 64 deep' -- "$plateau" compute "$work/deep-broken.json"

# A file larger than one batch may be, refused by its size before it is read (a sparse file).
truncate -s 300M "$work/huge.json"
expect "over the limit"   1 'huge\.json: 314572800 bytes; expected at most 268435456' -- "$plateau" compute "$work/huge.json"

finish hostile
