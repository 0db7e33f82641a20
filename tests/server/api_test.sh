#!/usr/bin/env bash
# plateau serve's HTTP API as a browser or a script meets it (docs/api.md): sessions and their
# cookie, CSRF, what a crew account may see, errors, limits and headers. The demo production of
# examples/le-grand-nord.csv, on a temporary SQLite file.
#   api_test.sh PLATEAU SOURCE_DIR
set -uo pipefail
plateau="$1"
source_dir="$2"
source "$source_dir/tests/cli/harness.sh"

mkdir -p "$work/web"
echo "<!doctype html><title>plateau</title>" >"$work/web/index.html"
"$plateau" serve --db "$work/api.db" --port 0 --web "$work/web" --demo "$source_dir/examples/le-grand-nord.csv" \
  >"$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
  grep -q "http://" "$work/serve.log" && break
  sleep 0.1
done
base="$(grep -oE 'http://[0-9.]+:[0-9]+' "$work/serve.log" | head -1)"
[ -n "$base" ] || { echo "FAIL the server did not start:"; cat "$work/serve.log"; exit 1; }

# call NAME WANTED_STATUS PATTERN JAR METHOD PATH [curl args…]: one request; checks the status
# and that PATTERN (grep -E) is in the body. The body is left in $work/body, headers in $work/headers.
call() {
  local name="$1" wanted="$2" pattern="$3" jar="$4" method="$5" path="$6"
  shift 6
  local status
  status="$(curl -s -o "$work/body" -D "$work/headers" -w '%{http_code}' -b "$jar" -c "$jar" -X "$method" "$@" "$base$path")"
  if [ "$status" != "$wanted" ]; then
    echo "FAIL $name: HTTP $status, expected $wanted"; head -c 400 "$work/body"; echo; failed=$((failed + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" "$work/body"; then
    echo "FAIL $name: body lacks /$pattern/"; head -c 400 "$work/body"; echo; failed=$((failed + 1)); return
  fi
  echo "ok   $name"; passed=$((passed + 1))
}
json=(-H 'Content-Type: application/json')
login() {  # login JAR LOGIN PASSWORD → prints the CSRF token
  curl -s -b "$1" -c "$1" "${json[@]}" -d "{\"login\":\"$2\",\"password\":\"$3\"}" "$base/api/login" |
    grep -oE '"csrf_token":"[0-9a-f]+"' | cut -d'"' -f4
}

# Sessions.
call "no session: 401" 401 '"code":"not_logged_in"' "$work/none" GET /api/productions
call "wrong password: 401, same answer as an unknown login" 401 '"code":"bad_login","message":"wrong login or password"' \
  "$work/none" POST /api/login "${json[@]}" -d '{"login":"comptable","password":"nope nope nope"}'
call "unknown login: 401" 401 '"code":"bad_login","message":"wrong login or password"' \
  "$work/none" POST /api/login "${json[@]}" -d '{"login":"nobody","password":"nope nope nope"}'
call "login as the accountant" 200 '"role":"accountant"' "$work/acc" POST /api/login "${json[@]}" \
  -d '{"login":"comptable","password":"plateau-comptable"}'
grep -qiE '^Set-Cookie: plateau_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict' "$work/headers"
check "the session cookie is HttpOnly and SameSite=Strict" $?
csrf="$(grep -oE '"csrf_token":"[0-9a-f]+"' "$work/body" | cut -d'"' -f4)"
call "the session answers" 200 '"login":"comptable"' "$work/acc" GET /api/session
grep -qi '^Content-Security-Policy: default-src' "$work/headers" && grep -qi '^X-Frame-Options: DENY' "$work/headers" &&
  grep -qi '^Cache-Control: no-store' "$work/headers"
check "security headers and no-store on the API" $?

# The demo production: weeks, pay.
call "the demo production" 200 '"title":"Le Grand Nord"' "$work/acc" GET /api/productions
call "its weeks" 200 '"weeks":\["2009-04-05","2009-04-12"\]' "$work/acc" GET /api/productions/1/weeks
# Week of 2009-04-05, as computed from the example's timecards of that week alone (docs/
# interpretations.md S1): the same figure as `plateau compute` on that week's batch.
call "the accountant's week: totals and remittances" 200 '"remittances":\[\{"paid_to":"guild"' "$work/acc" \
  GET "/api/productions/1/weeks/2009-04-08?lang=en"
grep -q '"start":"2009-04-05"' "$work/body"
check "any date of a week answers that week" $?

# CSRF and origin.
call "a write without the CSRF header: 403" 403 '"code":"csrf"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -d '{"call":"07:00","wrap":"19:00"}'
call "a write with a wrong CSRF header: 403" 403 '"code":"csrf"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -H "X-CSRF-Token: 00$csrf" -d '{"call":"07:00","wrap":"19:00"}'
call "a write from another origin: 403" 403 '"code":"csrf"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -H "X-CSRF-Token: $csrf" -H 'Origin: http://evil.example' \
  -d '{"call":"07:00","wrap":"19:00"}'
call "a write with the CSRF header: the week recomputed" 200 '"wrap":"26:15"' "$work/acc" PUT \
  "/api/productions/1/timecards/E-001/2009-04-13?lang=en" "${json[@]}" -H "X-CSRF-Token: $csrf" \
  -d '{"call":"07:00","wrap":"26:15","meals":[{"start":"13:30","end":"14:00"}]}'
grep -q '"code":"meal_penalty","amount":"20.00"' "$work/body"
check "a first meal at 13:30 after a 07:00 call: the \$20.00 meal penalty" $?

# Bad input.
call "a bad time: 400 placed on the field" 400 '"field":"wrap"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -H "X-CSRF-Token: $csrf" -d '{"call":"07:00","wrap":"abc"}'
call "not JSON: 400" 400 '"code":"bad_input"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -H "X-CSRF-Token: $csrf" -d '{"call":'
call "text/plain: 415" 415 '"code":"unsupported_media_type"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 -H 'Content-Type: text/plain' -H "X-CSRF-Token: $csrf" -d 'x'
head -c 1100000 /dev/zero | tr '\0' ' ' >"$work/big.json"
call "a JSON body over 1 MiB: 413" 413 '"code":"too_large"' "$work/acc" PUT \
  /api/productions/1/timecards/E-001/2009-04-13 "${json[@]}" -H "X-CSRF-Token: $csrf" --data-binary "@$work/big.json"
call "lang=xx: 400" 400 '"field":"lang"' "$work/acc" GET "/api/productions/1/weeks/2009-04-08?lang=xx"
call "no such production: 404" 404 '"code":"not_found"' "$work/acc" GET /api/productions/99
call "no such address: 404 in JSON" 404 '"code":"not_found"' "$work/acc" GET /api/nothing

# A crew account sees its own person only.
luc_csrf="$(login "$work/luc" luc plateau-luc)"
call "crew: own statement" 200 '"id":"E-004"' "$work/luc" GET /api/productions/1/people/E-004/pay
call "crew: another person's statement is 404" 404 '"code":"not_found"' "$work/luc" GET /api/productions/1/people/E-001/pay
call "crew: the week" 200 '"start":"2009-04-05"' "$work/luc" GET /api/productions/1/weeks/2009-04-05
! grep -qE 'E-00[1235-9]|E-01' "$work/body"
check "crew: the week names no other person" $?
! grep -q '"remittances"' "$work/body"
check "crew: the week has no remittances" $?
call "crew: remittances are 404" 404 '"code":"not_found"' "$work/luc" GET /api/productions/1/remittances
call "crew: the audit log is 404" 404 '"code":"not_found"' "$work/luc" GET /api/productions/1/audit
call "crew: another person's timecard cannot be written" 404 '"code":"not_found"' "$work/luc" PUT \
  /api/productions/1/timecards/E-001/2009-04-14 "${json[@]}" -H "X-CSRF-Token: $luc_csrf" -d '{"call":"07:00","wrap":"19:00"}'
call "crew: the CSV export holds its own rows" 200 'E-004' "$work/luc" GET /api/productions/1/timecards.csv
! grep -q 'E-001' "$work/body"
check "crew: the CSV export names no other person" $?
call "crew: no accounts list" 403 '"code":"forbidden"' "$work/luc" GET /api/users

# The audit log and logout.
call "the audit log names the accountant's change" 200 '"user":"comptable","entity":"timecard","key":"E-001/2009-04-13"' \
  "$work/acc" GET "/api/productions/1/audit?limit=1"
call "logout" 204 "" "$work/acc" POST /api/logout -H "X-CSRF-Token: $csrf" -d ""
call "after logout the session is gone" 401 '"code":"not_logged_in"' "$work/acc" GET /api/session

# Guessing passwords is slowed down: after 10 failures from one address, 429.
for _ in $(seq 1 10); do
  curl -s -o /dev/null "${json[@]}" -d '{"login":"admin","password":"guess guess"}' "$base/api/login"
done
call "the 11th failed login in a minute: 429" 429 '"code":"too_many_attempts"' "$work/none" POST /api/login "${json[@]}" \
  -d '{"login":"admin","password":"plateau-admin"}'

finish "plateau serve API"
