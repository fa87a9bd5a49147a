#!/usr/bin/env bash
# bench-cooldown.sh: what a running cool-down costs, and how exactly it ends.
#
#   build-aux/bench-cooldown.sh
#     (BUILDDIR=build PHASE_SECONDS=20 TIMER_RUNS=1 AFTER_SETTLE_SECONDS=12)
#
# 1. End-time error on the real clock: build-aux/bench-cooldown-timer.c runs
#    the real FlStretchSession (the core library as the app links it) on
#    FlSystemClock through a 60-second routine (build-aux/bench-cooldown-60s.json)
#    and compares the monotonic time "finished" came with start + 60 s; it also
#    reports how late the once-a-second ticks ran.
# 2. The app under Xvfb with a private session bus (and dunst, D-Bus activated
#    for the "Cool-down done" notification), GSK_RENDERER=cairo. The same
#    60-second routine is the runner's default (GSettings default-routine, the
#    file in $XDG_DATA_HOME/fresh-legs/routines). The cool-down is started the
#    way the reminder's Start button does it: org.gtk.Actions.Activate
#    "start-cooldown" on the app's D-Bus object. Wake-ups are context switches
#    of all the app's threads (/proc/PID/task/*/status, voluntary +
#    nonvoluntary) over PHASE_SECONDS:
#      idle before      window open, nothing running
#      running, visible
#      running, hidden  the window unmapped (xdotool windowunmap, as when
#                       minimized), the session still running
#      after the end    hidden (from AFTER_SETTLE_SECONDS after it: the
#                       notification's round trip first), then shown again
#    CPU: utime + stime (/proc/PID/stat) from Start to the session's end.
#    Goals (issue 3): at most 1 wake-up/s while hidden, nothing after the end.
#
# A benchmark, not a test: figures on a shared VM are not pass/fail.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}
bench=$builddir/bench-cooldown
phase_s=${PHASE_SECONDS:-20}
timer_runs=${TIMER_RUNS:-1}
settle_s=${AFTER_SETTLE_SECONDS:-12}
routine_file=build-aux/bench-cooldown-60s.json
routine_name=bench-sixty
session_s=60

if [[ ${1:-} != --inner ]]; then
  build-aux/setup.sh xdotool
  if [[ ! -f $builddir/build.ninja ]]; then
    meson setup "$builddir"
  fi
  ninja -C "$builddir"
  mkdir -p "$bench"
  # shellcheck disable=SC2046
  cc -O2 -Wall -I"$builddir" -Isrc/core -I"$builddir/src" \
    -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
    build-aux/bench-cooldown-timer.c "$builddir/src/fl-core-resources.c" "$builddir/src/libfl-core.a" \
    $(pkg-config --cflags --libs gio-unix-2.0 json-glib-1.0) -lm -o "$bench/bench-cooldown-timer"
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" --inner
fi

# --- inside Xvfb and the session bus ----------------------------------------
bench=$(cd "$bench" && pwd)
builddir=$(cd "$builddir" && pwd)
app_id=io.github.freshlegs.FreshLegs
object_path=/io/github/freshlegs/FreshLegs
hz=$(getconf CLK_TCK)

echo "bench-cooldown: timer, ${session_s} s on the real clock ($timer_runs run(s))…" >&2
timer_out=$("$bench/bench-cooldown-timer" "$routine_file" "$timer_runs")
echo "$timer_out" >&2

# The app, with its own settings and data
home=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$home"' EXIT
mkdir -p "$home/config/glib-2.0/settings" "$home/data/fresh-legs/routines"
cat >"$home/config/glib-2.0/settings/keyfile" <<EOF
[io/github/freshlegs/FreshLegs]
welcome-done=true
reminders-enabled=false
default-routine='$routine_name'
EOF
cp "$routine_file" "$home/data/fresh-legs/routines/$routine_name.json"
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR=$builddir/data
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable

"$builddir/src/fresh-legs" >"$bench/app.log" 2>&1 &
pid=$!
gdbus wait --session --timeout 20 "$app_id"
sleep 3

# Context switches of every thread: "TID COMM VOLUNTARY NONVOLUNTARY" lines
snapshot () {
  local status tid comm count
  for status in /proc/"$pid"/task/*/status; do
    tid=${status%/status}; tid=${tid##*/}
    comm=$(tr ' ' _ <"/proc/$pid/task/$tid/comm" 2>/dev/null || echo gone)
    count=$(awk '/^voluntary_ctxt_switches/ { v = $2 } /^nonvoluntary_ctxt_switches/ { n = $2 }
                 END { print v + 0, n + 0 }' "$status" 2>/dev/null || echo 0 0)
    echo "$tid $comm $count"
  done
}
# Switches per thread over a phase, "COMM ALL VOLUNTARY", from two snapshots:
# threads that ended meanwhile are left out (their last count is unknown),
# new ones count whole. A voluntary switch is a wake-up after sleeping; a
# nonvoluntary one, being preempted while running (on a busy 2-core VM,
# often by Xvfb drawing what the app sent).
deltas () {
  awk 'NR == FNR { v[$1] = $3; n[$1] = $4; next }
       { dv = $3 - v[$1]; dn = $4 - n[$1]; if (dv + dn > 0) print $2, dv + dn, dv }' \
      <(echo "$1") <(echo "$2")
}
cpu_ticks () { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
now () { date +%s.%N; }

# measure NAME: wake-ups per second over PHASE_SECONDS
declare -A rate detail
measure () {
  local before after
  before=$(snapshot)
  sleep "$phase_s"
  after=$(snapshot)
  rate[$1]=$(deltas "$before" "$after" |
            awk -v s="$phase_s" '{ n += $2; v += $3 } END { printf "%.2f (voluntary %.2f)", n / s, v / s }')
  detail[$1]=$(deltas "$before" "$after" | awk '{ printf "%s:%d ", $1, $2 }')
}

echo "bench-cooldown: app idle…" >&2
measure idle

echo "bench-cooldown: starting the cool-down through D-Bus…" >&2
cpu_start=$(cpu_ticks)
t0=$(now)
gdbus call --session --dest "$app_id" --object-path "$object_path" \
  --method org.gtk.Actions.Activate start-cooldown '[]' '{}' >/dev/null
sleep 1
measure visible

windows=$(xdotool search --pid "$pid" --onlyvisible --name . 2>/dev/null || true)
for w in $windows; do xdotool windowunmap "$w" 2>/dev/null || true; done
sleep 2
measure hidden

# Until just after the session's end
remaining=$(awk -v t0="$t0" -v now="$(now)" -v s="$session_s" 'BEGIN { r = t0 + s + 0.5 - now; print (r > 0 ? r : 0) }')
sleep "$remaining"
cpu_end=$(cpu_ticks)
# The end's own traffic first: the "Cool-down done" notification goes out
# and, after the server's timeout (dunst: 10 s), comes back closed
sleep "$settle_s"
measure after_hidden

for w in $windows; do xdotool windowmap "$w" 2>/dev/null || true; done
sleep 1
measure after_visible

logged=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("cooldowns", [])))' \
         "$XDG_DATA_HOME/fresh-legs/journal.json" 2>/dev/null || echo "?")

# --- the table ---------------------------------------------------------------
field () { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$timer_out" | paste -sd' ' -; }
cpu_ms=$(awk -v a="$cpu_start" -v b="$cpu_end" -v hz="$hz" 'BEGIN { printf "%.0f", (b - a) * 1000 / hz }')
cpu_pct=$(awk -v ms="$cpu_ms" -v s="$session_s" 'BEGIN { printf "%.2f", ms / (s * 10) }')

printf '\n%-52s %s\n' "Cool-down, ${session_s}-second session" "value"
printf '%-52s %s\n' "----------------------------------------------------" "------------------------------"
printf '%-52s %s\n' "end-time error, real clock (ms; goal ~0)" "$(field end_error_ms)"
printf '%-52s %s\n' "ticks (one a second)" "$(field ticks)"
printf '%-52s %s\n' "tick lateness, max / mean (ms)" "$(field tick_late_max_ms) / $(field tick_late_mean_ms)"
printf '%-52s %s\n' "app idle before, wake-ups/s (issue 2 goal: 0)" "${rate[idle]}"
printf '%-52s %s\n' "running, window visible, wake-ups/s" "${rate[visible]}"
printf '%-52s %s\n' "running, window hidden, wake-ups/s (goal <= 1)" "${rate[hidden]}"
printf '%-52s %s\n' "after the end, hidden, wake-ups/s (goal 0)" "${rate[after_hidden]}"
printf '%-52s %s\n' "after the end, shown again, wake-ups/s (goal 0)" "${rate[after_visible]}"
printf '%-52s %s\n' "CPU over the session, app (ms, % of one core)" "$cpu_ms ($cpu_pct %)"
printf '%-52s %s\n' "cool-downs in the journal afterwards" "$logged"
printf '\nThreads that woke (switches over %s s):\n' "$phase_s"
for phase in idle visible hidden after_hidden after_visible; do
  printf '  %-14s %s\n' "$phase" "${detail[$phase]:-none}"
done
