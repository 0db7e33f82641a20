# What every command-line test script shares, sourced after `plateau` is set: a temporary
# directory `work` removed on exit, the counts of passed and failed checks, and:
#   expect NAME WANTED_STATUS PATTERN -- command…   runs the command, checks its exit status and
#       that PATTERN (grep -E; empty: anything) occurs in its standard output + standard error;
#   check NAME CONDITION-STATUS                     counts a condition worked out by the caller
#       (0: it holds);
#   finish [LABEL]                                  prints the counts; fails when any check failed.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

# The start of a failed command's output: its first lines, each cut short (a hostile input's
# message can quote a long line).
shown_output() { head -5 <<<"$1" | cut -c1-400; }

expect() {
  local name="$1" wanted="$2" pattern="$3"
  shift 4
  local output status
  output="$("$@" 2>&1)"
  status=$?
  if [ "$status" -ne "$wanted" ]; then
    echo "FAIL $name: exit status $status, expected $wanted"; shown_output "$output"; failed=$((failed + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$output"; then
    echo "FAIL $name: output lacks /$pattern/"; shown_output "$output"; failed=$((failed + 1)); return
  fi
  echo "ok   $name"; passed=$((passed + 1))
}

check() {
  if [ "$2" -eq 0 ]; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi
}

finish() {
  echo "${1:+$1: }$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
