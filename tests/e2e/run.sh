#!/usr/bin/env bash
# End-to-end tests of the web UI: starts `plateau serve --demo` on a fresh database and a free
# port, drives it with headless Chromium (playwright-core, tests/e2e/e2e.mjs), stops it.
#
#   tests/e2e/run.sh                 (from anywhere; BUILD_DIR defaults to build)
#   BUILD_DIR=build-asan tests/e2e/run.sh
#   E2E_KEEP=1 tests/e2e/run.sh      keep the temporary directory (screenshots, CSVs, server log)
#
# Needs: node and npm (playwright-core is installed by `npm ci` here when missing), the Debian
# package chromium (/usr/bin/chromium), and a built plateau.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=${BUILD_DIR:-build}
case "$build_dir" in
  /*) bin="$build_dir/plateau" ;;
  *) bin="$root/$build_dir/plateau" ;;
esac

fail() { echo "e2e: $*" >&2; exit 1; }

[ -x "$bin" ] || fail "no plateau binary at $bin (build it: cmake --build $build_dir --target plateau)"
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium is missing (apt-get install -y chromium)"
command -v node >/dev/null || fail "node is missing"
if [ ! -d "$here/node_modules/playwright-core" ]; then
  echo "e2e: installing playwright-core (npm ci)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed in tests/e2e"
fi

echo "e2e: unit checks of web/ (node)"
node "$here/unit.mjs" || fail "unit checks of web/ failed"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plateau-e2e.XXXXXX")
server_pid=
status=1
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ "$status" -eq 0 ] && [ -z "${E2E_KEEP:-}" ]; then
    rm -rf "$tmp"
  else
    echo "e2e: files kept in $tmp"
  fi
}
trap cleanup EXIT

port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
url="http://127.0.0.1:$port"

(cd "$root" && exec "$bin" serve --db "$tmp/e2e.db" --port "$port" --demo examples/le-grand-nord.json) \
  >"$tmp/server.log" 2>&1 &
server_pid=$!

# Wait (up to 30 s) until the server answers any HTTP status on /api/session.
ready=
for _ in $(seq 1 300); do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "e2e: the server exited before answering; its output:" >&2
    cat "$tmp/server.log" >&2
    fail "plateau serve failed to start"
  fi
  if node -e 'fetch(process.argv[1]).then(()=>process.exit(0),()=>process.exit(1))' "$url/api/session" 2>/dev/null; then
    ready=1
    break
  fi
  sleep 0.1
done
if [ -z "$ready" ]; then
  cat "$tmp/server.log" >&2
  fail "plateau serve did not answer on $url within 30 s"
fi
echo "e2e: plateau serve on $url (database $tmp/e2e.db)"

set +e
BASE_URL="$url" E2E_TMP="$tmp" PLATEAU_BIN="$bin" REPO_ROOT="$root" node "$here/e2e.mjs"
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "e2e: server log: $tmp/server.log"
fi
exit "$status"
