#!/bin/sh
# test-cli-exec.sh: the real fresh-legs binary on the command line as a cron
# job or an SSH session runs it: no display, no session bus, a fresh
# $XDG_DATA_HOME. Exit statuses, one line on stderr for bad input, and the
# journal file on disk.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -u

fresh_legs="$1"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/data"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 0700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
# A bus that is not there: never the user's, never a running test instance
export DBUS_SESSION_BUS_ADDRESS="unix:path=$tmp/no-bus"

journal="$XDG_DATA_HOME/fresh-legs/journal.json"
n=0
failures=0

echo "1..7"

# check DESCRIPTION CONDITION-STATUS: one TAP line
check () {
  n=$((n + 1))
  if [ "$2" -eq 0 ]; then
    echo "ok $n - $1"
  else
    echo "not ok $n - $1"
    failures=$((failures + 1))
    echo "# status $status; stdout:"; sed 's/^/#   /' "$tmp/out"
    echo "# stderr:"; sed 's/^/#   /' "$tmp/err"
  fi
}

# run ARGS…: runs fresh-legs, keeping its status, stdout and stderr
run () {
  "$fresh_legs" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  status=$?
}

lines () {
  wc -l <"$1" | tr -d ' '
}

run log drink 250ml
ok=1
[ "$status" -eq 0 ] &&
  grep -Eq '^Logged 250 ml at [0-2][0-9]:[0-5][0-9]\. Today: 250 ml of 2\.0 L\.$' "$tmp/out" &&
  [ "$(lines "$tmp/out")" = 1 ] && [ ! -s "$tmp/err" ] && ok=0
check "log drink 250ml exits 0 with one line on stdout" $ok

ok=1
[ -f "$journal" ] && grep -q '"ml" *: *250' "$journal" &&
  [ "$(stat -c %a "$journal")" = 600 ] && [ "$(stat -c %a "$(dirname "$journal")")" = 700 ] && ok=0
check "the drink is in the journal, file 0600 in a 0700 folder" $ok

cp "$journal" "$tmp/before.json"

run log drink 100l
ok=1
[ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(lines "$tmp/err")" = 1 ] &&
  grep -q '^fresh-legs: .*; ' "$tmp/err" && cmp -s "$journal" "$tmp/before.json" && ok=0
check "log drink 100l exits 2, one line on stderr, journal untouched" $ok

run log run --distance 8km --duration 45:00 --bogus 3
ok=1
[ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(lines "$tmp/err")" = 1 ] &&
  grep -q '^fresh-legs: .*--bogus' "$tmp/err" && cmp -s "$journal" "$tmp/before.json" && ok=0
check "an unknown option exits 2, one line on stderr, journal untouched" $ok

run today --date 2026-02-30
ok=1
[ "$status" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(lines "$tmp/err")" = 1 ] && ok=0
check "a date that does not exist exits 2 with one line" $ok

run today --json
ok=1
[ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && [ "$(lines "$tmp/out")" = 1 ] &&
  grep -Eq '^\{"date":"[0-9]{4}-[0-9]{2}-[0-9]{2}",.*"drunk_ml":250[,}]' "$tmp/out" && ok=0
check "today --json prints one line of JSON with the drink" $ok

run --help
ok=1
[ "$status" -eq 0 ] && [ ! -s "$tmp/err" ] && grep -q '^Usage: fresh-legs' "$tmp/out" &&
  grep -q '^  log ' "$tmp/out" && ok=0
check "--help lists the commands without a display" $ok

[ "$failures" -eq 0 ]
