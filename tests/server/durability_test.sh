#!/usr/bin/env bash
# plateau serve killed with SIGKILL in the middle of a stream of writes loses nothing it answered
# 200 to: after a restart on the same database every acknowledged timecard is there (the last
# acknowledged value of each day, or the one write in flight at the kill), each acknowledged
# week has its recomputed pay, and the audit log holds an entry for each acknowledged change.
# Then the limits of writes: no CSRF token (403), a body over 1 MiB (413), a body that is not
# JSON (415), and that a refused write leaves nothing behind.
#
# On a SQLite file; and once more on PostgreSQL when PLATEAU_TEST_POSTGRESQL holds a URI
# (tests/store/with_postgresql.sh), in a fresh schema of that database, dropped afterwards.
#
# Usage: durability_test.sh PLATEAU SOURCE_DIR
set -u
plateau="$1"
source_dir="$2"
demo="$source_dir/examples/le-grand-nord.csv"
source "$source_dir/tests/cli/harness.sh"

server_pid=""
writer_pid=""
pg_schema=""
psql_bin=""

stop_server() {
  if [ -n "$server_pid" ]; then
    kill -9 "$server_pid" 2>/dev/null
    wait "$server_pid" 2>/dev/null
    server_pid=""
  fi
}

cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null
  stop_server
  if [ -n "$pg_schema" ]; then
    "$psql_bin" -X -q "$PLATEAU_TEST_POSTGRESQL" -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE" >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/web"
base=""

# start_server DB LOG: plateau serve on DB, on a port the system picks; sets server_pid and base.
start_server() {
  local db="$1" log="$2" port="" i
  "$plateau" serve --db "$db" --port 0 --demo "$demo" --web "$work/web" >"$log" 2>&1 &
  server_pid=$!
  for ((i = 0; i < 300; i++)); do
    port="$(sed -n 's|^plateau serve: http://[^:]*:\([0-9]*\)/.*|\1|p' "$log")"
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$port" ]; then
    echo "FAIL the server did not start on $db:"; head -20 "$log"
    failed=$((failed + 1))
    server_pid=""
    return 1
  fi
  base="http://127.0.0.1:$port"
}

# login JAR: logs in as comptable, the cookie in JAR; prints the CSRF token.
login() {
  curl -s --max-time 20 -c "$1" -H 'Content-Type: application/json' \
    -d '{"login":"comptable","password":"plateau-comptable"}' "$base/api/login" |
    sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p'
}

# status FILE curl-args…: runs curl, its body in FILE; prints the HTTP status (000: no answer).
status() {
  local out="$1"
  shift
  curl -s --max-time 20 -o "$out" -w '%{http_code}' "$@"
}

# The dates the writer fills: the weekdays of four weeks of E-001's engagement.
dates=()
for week in 2009-04-06 2009-04-13 2009-04-20 2009-04-27; do
  for offset in 0 1 2 3 4; do dates+=("$(date -u -d "$week + $offset days" +%F)"); done
done

# The writer: PUTs E-001's timecards, each with a wrap of its own ("19:MM", MM the round), in a
# loop; before each request its date and wrap go to `attempted`, after a 200 to `acked`. It stops
# at the first request that gets no answer (the server was killed).
writer() {
  local jar="$1" csrf="$2" dir="$3" i=0 date wrap code
  while ((i < 600)); do
    date="${dates[i % ${#dates[@]}]}"
    wrap="$(printf '19:%02d' $(((i / ${#dates[@]}) % 60)))"
    echo "$date $wrap" >>"$dir/attempted"
    code="$(status "$dir/last-body" -b "$jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
      -d "{\"call\":\"07:00\",\"wrap\":\"$wrap\"}" "$base/api/productions/1/timecards/E-001/$date")"
    if [ "$code" = 200 ]; then
      echo "$date $wrap" >>"$dir/acked"
    elif [ "$code" = 000 ]; then
      return 0
    else
      echo "$date $wrap $code $(head -c 300 "$dir/last-body")" >>"$dir/refused"
    fi
    i=$((i + 1))
  done
}

# pay_matches DIR WEEK: E-001's pay lines (date, code, amount) in the server's week
# (DIR/week.json) are those `plateau compute` gives for the week's timecards exported as CSV, and
# there is one for each of the week's acknowledged days (last_acked, the caller's).
pay_matches() {
  local dir="$1" week="$2" json pay date
  json="$(cat "$dir/week.json")"
  pay="${json#*\"pay\":\{\"format\"}"
  pay="${pay#*\{\"id\":\"E-001\"}"
  pay="${pay%%\"gross\":*}"
  grep -o '{"date":"[^"]*","code":"[^"]*"[^{}]*"amount":"[^"]*"' <<<"$pay" |
    sed 's/{"date":"\([^"]*\)","code":"\([^"]*\)".*"amount":"\([^"]*\)"/\1 \2 \3/' >"$dir/server-lines"
  status "$dir/week.csv" -b "$dir/jar" "$base/api/productions/1/timecards.csv?week=$week" >/dev/null
  "$plateau" compute "$dir/week.csv" --format csv --lang en 2>"$dir/compute.err" |
    awk -F, '$1 == "line" && $2 == "E-001" { print $5, $7, $13 }' >"$dir/cli-lines"
  if [ ! -s "$dir/cli-lines" ] || ! cmp -s "$dir/server-lines" "$dir/cli-lines"; then
    echo "     week $week: E-001's stored pay lines are not what plateau compute gives for the stored timecards:"
    diff "$dir/server-lines" "$dir/cli-lines" | head -10
    head -3 "$dir/compute.err"
    return 1
  fi
  for date in "${!last_acked[@]}"; do
    [ "$(date -u -d "$date - $(date -u -d "$date" +%w) days" +%F)" = "$week" ] || continue
    if ! grep -q "^$date " "$dir/server-lines"; then
      echo "     week $week: no pay line for E-001 on $date"
      return 1
    fi
  done
  compared=$((compared + $(wc -l <"$dir/server-lines")))
}

# scenario LABEL DB: the whole test on one database.
scenario() {
  local label="$1" db="$2" dir="$work/$1"
  mkdir -p "$dir"
  : >"$dir/attempted"
  : >"$dir/acked"
  local started=$SECONDS

  start_server "$db" "$dir/serve-1.log" || return
  local csrf
  csrf="$(login "$dir/jar")"
  [ -n "$csrf" ]
  check "$label: login as comptable gives a CSRF token" $?

  # Writes, and a kill -9 after a random delay once every date has been written and some twice.
  writer "$dir/jar" "$csrf" "$dir" &
  writer_pid=$!
  local i
  for ((i = 0; i < 200; i++)); do
    [ "$(wc -l <"$dir/acked")" -ge $((${#dates[@]} + 5)) ] && break
    kill -0 "$writer_pid" 2>/dev/null || break
    sleep 0.1
  done
  sleep "0.$((RANDOM % 10))$((RANDOM % 10))"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null
  server_pid=""
  wait "$writer_pid"
  writer_pid=""
  local acked attempted
  acked="$(wc -l <"$dir/acked")"
  attempted="$(wc -l <"$dir/attempted")"
  echo "     $label: $acked writes acknowledged, $attempted attempted, then kill -9"
  [ "$acked" -gt ${#dates[@]} ]
  check "$label: the server acknowledged writes before the kill" $?
  [ ! -s "$dir/refused" ]
  check "$label: no write was refused before the kill" $?
  [ -s "$dir/refused" ] && head -3 "$dir/refused"

  # The same database, a new process.
  start_server "$db" "$dir/serve-2.log" || return
  local code
  code="$(status "$dir/session.json" -b "$dir/jar" "$base/api/session")"
  [ "$code" = 200 ]
  check "$label: the session from before the kill is still valid" $?
  csrf="$(login "$dir/jar")"

  # What each day should hold: its last acknowledged wrap, or the wrap of the one write in
  # flight at the kill (attempted after the last acknowledgement, committed but not answered).
  declare -A last_acked=()
  local date wrap
  while read -r date wrap; do last_acked[$date]="$wrap"; done <"$dir/acked"
  local in_flight=""
  [ "$attempted" -gt "$acked" ] && in_flight="$(tail -1 "$dir/attempted")"

  status "$dir/export.csv" -b "$dir/jar" "$base/api/productions/1/timecards.csv" >/dev/null
  # date → wrap of E-001's rows, by the header's column names.
  declare -A stored=()
  while read -r date wrap; do stored[$date]="$wrap"; done < <(awk -F, '
    NR == 1 { for (i = 1; i <= NF; i++) column[$i] = i; next }
    $column["id"] == "E-001" { print $column["date"], $column["wrap"] }' "$dir/export.csv")
  local lost=0
  for date in "${!last_acked[@]}"; do
    wrap="${stored[$date]:-none}"
    if [ "$wrap" != "${last_acked[$date]}" ] && [ "$date $wrap" != "$in_flight" ]; then
      echo "     lost: E-001 $date acknowledged with wrap ${last_acked[$date]}, stored: $wrap"
      lost=$((lost + 1))
    fi
  done
  check "$label: every acknowledged timecard is stored (${#last_acked[@]} days)" "$lost"

  # Each acknowledged week has its recomputed pay, and that pay has E-001's acknowledged days.
  local -A weeks=()
  for date in "${!last_acked[@]}"; do weeks[$(date -u -d "$date - $(date -u -d "$date" +%w) days" +%F)]=1; done
  local week missing=0 compared=0
  for week in "${!weeks[@]}"; do
    code="$(status "$dir/week.json" -b "$dir/jar" "$base/api/productions/1/weeks/$week?lang=en")"
    if [ "$code" != 200 ] || ! grep -q '"pay":{"format":"plateau-pay/1"' "$dir/week.json" ||
      grep -q '"pay_error"' "$dir/week.json" || ! grep -q '"computed_at":"' "$dir/week.json"; then
      echo "     week $week: no recomputed pay ($code): $(head -c 300 "$dir/week.json")"
      missing=$((missing + 1))
      continue
    fi
    pay_matches "$dir" "$week" || missing=$((missing + 1))
  done
  check "$label: every acknowledged week has its recomputed pay, as plateau compute gives it (${#weeks[@]} weeks, $compared lines of E-001)" "$missing"

  # The audit log: an entry for each acknowledged change, with its new value.
  local before="" page=0
  : >"$dir/audit.lines"
  while ((page < 50)); do
    status "$dir/audit.json" -b "$dir/jar" "$base/api/productions/1/audit?limit=500${before:+&before=$before}" >/dev/null
    # One entry a line: entries are separated by },{"id": (days hold no "id").
    sed 's/},{"id":/}\n{"id":/g' "$dir/audit.json" >"$dir/audit.page"
    grep -q '"id":' "$dir/audit.page" || break
    cat "$dir/audit.page" >>"$dir/audit.lines"
    before="$(tail -1 "$dir/audit.page" | sed -n 's/^\[\{0,1\}{"id":\([0-9]*\),.*/\1/p')"
    [ -n "$before" ] || break
    page=$((page + 1))
  done
  local unaudited=0
  while read -r date wrap; do
    grep -F "\"user\":\"comptable\",\"entity\":\"timecard\",\"key\":\"E-001/$date\"" "$dir/audit.lines" |
      grep -qF "\"new\":{\"date\":\"$date\",\"call\":\"07:00\",\"wrap\":\"$wrap\"}}" || {
      echo "     no audit entry for E-001 $date wrap $wrap"
      unaudited=$((unaudited + 1))
    }
  done <"$dir/acked"
  check "$label: the audit log has an entry for each acknowledged change ($acked)" "$unaudited"

  # The limits of a write, on a day the writer never touched.
  local url="$base/api/productions/1/timecards/E-001/2009-05-04" audit_before
  audit_before="$(grep -c '"id":' "$dir/audit.lines")"
  code="$(status "$dir/r.json" -b "$dir/jar" -X PUT -H 'Content-Type: application/json' \
    -d '{"call":"07:00","wrap":"19:00"}' "$url")"
  [ "$code" = 403 ] && grep -q '"code":"csrf"' "$dir/r.json"
  check "$label: a write without X-CSRF-Token is refused (403 csrf, got $code)" $?
  code="$(status "$dir/r.json" -b "$dir/jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: x$csrf" \
    -d '{"call":"07:00","wrap":"19:00"}' "$url")"
  [ "$code" = 403 ] && grep -q '"code":"csrf"' "$dir/r.json"
  check "$label: a write with a wrong X-CSRF-Token is refused (403 csrf, got $code)" $?
  { printf '{"call":"07:00","wrap":"19:00","note":"'; head -c $((1024 * 1024)) /dev/zero | tr '\0' x; printf '"}'; } \
    >"$dir/big.json"
  code="$(status "$dir/r.json" -b "$dir/jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    --data-binary @"$dir/big.json" "$url")"
  [ "$code" = 413 ] && grep -q '"code":"too_large"' "$dir/r.json"
  check "$label: a JSON body over 1 MiB is refused (413 too_large, got $code)" $?
  code="$(status "$dir/r.json" -b "$dir/jar" -X PUT -H 'Content-Type: text/plain' -H "X-CSRF-Token: $csrf" \
    -d '{"call":"07:00","wrap":"19:00"}' "$url")"
  [ "$code" = 415 ] && grep -q '"code":"unsupported_media_type"' "$dir/r.json"
  check "$label: a body in text/plain is refused (415 unsupported_media_type, got $code)" $?
  code="$(status "$dir/r.json" -b "$dir/jar" "$base/api/productions/1/weeks/2009-05-04")"
  [ "$code" = 200 ] && ! grep -q '"2009-05-04":{' "$dir/r.json"
  check "$label: the refused writes wrote no timecard" $?
  status "$dir/audit.json" -b "$dir/jar" "$base/api/productions/1/audit?limit=5" >/dev/null
  ! grep -q '"key":"E-001/2009-05-04"' "$dir/audit.json"
  check "$label: the refused writes wrote no audit entry" $?
  # The same write, done right, is accepted: the refusals were for what they said.
  code="$(status "$dir/r.json" -b "$dir/jar" -X PUT -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"call":"07:00","wrap":"19:00"}' "$url")"
  [ "$code" = 200 ] && grep -q '"2009-05-04":{"date":"2009-05-04","call":"07:00","wrap":"19:00"}' "$dir/r.json"
  check "$label: the same write with its token and JSON is accepted (200, got $code)" $?

  stop_server
  echo "     $label: $((SECONDS - started)) s"
}

scenario sqlite "$work/plateau.db"

if [ -n "${PLATEAU_TEST_POSTGRESQL:-}" ]; then
  psql_bin="$(command -v psql || true)"
  for candidate in /usr/lib/postgresql/*/bin/psql; do [ -x "$candidate" ] && psql_bin="$candidate"; done
  pg_schema="durability_$$_$RANDOM"
  if "$psql_bin" -X -q -v ON_ERROR_STOP=1 "$PLATEAU_TEST_POSTGRESQL" -c "CREATE SCHEMA $pg_schema" >/dev/null; then
    separator='?'
    [[ "$PLATEAU_TEST_POSTGRESQL" == *\?* ]] && separator='&'
    scenario postgresql "$PLATEAU_TEST_POSTGRESQL${separator}options=-csearch_path%3D$pg_schema"
  else
    check "postgresql: a fresh schema in PLATEAU_TEST_POSTGRESQL" 1
  fi
else
  echo "     (PLATEAU_TEST_POSTGRESQL not set: the PostgreSQL run is skipped)"
fi

finish durability
