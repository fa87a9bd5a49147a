#!/usr/bin/env bash
# benchmark.sh: Fresh Legs against GNOME Clocks, side by side in one run.
#
#   build-aux/benchmark.sh            (RUNS=10 IDLE_SECONDS=30 by default)
#
# On one Xvfb, one private D-Bus session and one renderer (GSK_RENDERER=cairo)
# for both applications:
#   * exec → first frame, and the resident memory at that frame (VmRSS, and
#     the peak VmHWM), measured by the LD_PRELOAD shim build-aux/first-frame.c:
#     it hooks the calls that show a window, and on the first "after-paint"
#     of the window's GdkFrameClock writes the time since exec and the memory
#     and exits. One warm-up run each, then RUNS runs each, alternating;
#     the table shows the median (and the range). For scale, a minimal
#     libadwaita window (build-aux/minimal-window.c) is measured the same
#     way: no libadwaita app gets below it.
#   * idle wake-ups: the application runs with its window open and nothing
#     due; context switches of all its threads (/proc/PID/task/*/status,
#     voluntary + nonvoluntary) are summed before and after IDLE_SECONDS.
#
# Settings: each application gets empty XDG_{CONFIG,DATA,CACHE,STATE}_HOME
# folders and GSETTINGS_BACKEND=keyfile (no dconf). Fresh Legs' keyfile is
# seeded with welcome-done=true so that the main window, not the first-start
# welcome, is what opens; before the idle measurement 2500 ml are logged
# through `fresh-legs log drink` so no drink reminder is due.
#
# Not part of build-aux/test.sh: timings are not pass/fail on a shared VM.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}
runs=${RUNS:-10}
idle_s=${IDLE_SECONDS:-30}
bench=$builddir/benchmark

if [[ ${1:-} != --inner ]]; then
  build-aux/setup.sh gnome-clocks
  if [[ ! -f $builddir/build.ninja ]]; then
    meson setup "$builddir"
  fi
  ninja -C "$builddir" || echo "benchmark.sh: the build failed; measuring what can be measured" >&2
  mkdir -p "$bench"
  # shellcheck disable=SC2046
  cc -O2 -shared -fPIC build-aux/first-frame.c -o "$bench/first-frame.so" \
    $(pkg-config --cflags --libs gtk4) -ldl
  cc -O2 -DFIRST_FRAME_EXEC build-aux/first-frame.c -o "$bench/first-frame-exec"
  # shellcheck disable=SC2046
  cc -O2 build-aux/minimal-window.c -o "$bench/minimal-window" \
    $(pkg-config --cflags --libs libadwaita-1)
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" --inner
fi

# --- inside Xvfb and the session bus ----------------------------------------
bench=$(cd "$bench" && pwd)
builddir=$(cd "$builddir" && pwd)
shim=$bench/first-frame.so
launcher=$bench/first-frame-exec
applog=$bench/apps.log
: >"$applog"
fresh_legs=$builddir/src/fresh-legs
clocks=$(command -v gnome-clocks)

tmp=$(mktemp -d)
children=()
cleanup () {
  local pid
  for pid in "${children[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT

# A fresh home for each application.
make_home () {
  local home=$tmp/$1
  mkdir -p "$home"/{config,data,cache,state}
  echo "$home"
}
fl_home=$(make_home fresh-legs)
mkdir -p "$fl_home/config/glib-2.0/settings"
cat >"$fl_home/config/glib-2.0/settings/keyfile" <<'KEYFILE'
[io/github/freshlegs/FreshLegs]
welcome-done=true
KEYFILE
clocks_home=$(make_home gnome-clocks)
minimal_home=$(make_home minimal)

# app_env HOME: the environment both applications run in
app_env () {
  local home=$1
  echo GSK_RENDERER=cairo GDK_BACKEND=x11 \
    XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
    XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
    GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$builddir/data"
}

# run_app NAME HOME CMD… in that environment (paths have no spaces: mktemp)
run_app () {
  local home=$2
  shift 2
  # shellcheck disable=SC2046
  env $(app_env "$home") "$@"
}

# first_frame NAME HOME CMD: one measured start; prints "ms rss hwm" or "fail"
first_frame () {
  local name=$1 home=$2 out=$tmp/frame
  shift 2
  rm -f "$out"
  if run_app "$name" "$home" FIRST_FRAME_OUT="$out" FIRST_FRAME_PRELOAD="$shim" \
       timeout 30 "$launcher" "$@" >>"$applog" 2>&1 && [[ -s $out ]]; then
    cat "$out"
  else
    echo fail
  fi
}

# idle NAME HOME CMD: wake-ups per second with the window open
idle () {
  local name=$1 home=$2 out=$tmp/idle-frame pid before after waited=0
  shift 2
  rm -f "$out"
  # Started by `env` directly (not through a function, which would put a
  # subshell between), so $! is the application's own PID.
  # shellcheck disable=SC2046
  env $(app_env "$home") FIRST_FRAME_OUT="$out" FIRST_FRAME_STAY=1 LD_PRELOAD="$shim" \
    "$@" >>"$applog" 2>&1 &
  pid=$!
  children+=("$pid")
  while [[ ! -s $out ]]; do
    if ! kill -0 "$pid" 2>/dev/null || [[ $waited -ge 300 ]]; then
      echo fail
      return
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
  sleep 5 # let start-up work settle
  before=$(switches "$pid")
  sleep "$idle_s"
  after=$(switches "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  awk -v n="$(wakeups "$before" "$after")" -v s="$idle_s" -v t="$(wc -l <<<"$after")" \
    'BEGIN { printf "%d %.2f %d\n", n, n / s, t }'
}

# switches PID: "TID COUNT" per thread, COUNT = voluntary + nonvoluntary
# context switches so far
switches () {
  local f tid
  for f in /proc/"$1"/task/*/status; do
    tid=${f%/status}
    tid=${tid##*/}
    awk -v tid="$tid" '/^(voluntary|nonvoluntary)_ctxt_switches:/ { n += $2 }
                       END { print tid, n + 0 }' "$f" 2>/dev/null || true
  done
}

# wakeups BEFORE AFTER: the switches between two snapshots; a thread born in
# between counts from zero (one that ended in between is missed)
wakeups () {
  awk 'NR == FNR { before[$1] = $2; next } { total += $2 - before[$1] } END { print total + 0 }' \
    <(echo "$1") <(echo "$2")
}

have_fl=1
if [[ ! -x $fresh_legs ]]; then
  echo "benchmark.sh: $fresh_legs is not built; measuring gnome-clocks only" >&2
  have_fl=0
fi

echo "Warming up…" >&2
first_frame clocks "$clocks_home" "$clocks" >/dev/null
first_frame minimal "$minimal_home" "$bench/minimal-window" >/dev/null
[[ $have_fl == 1 ]] && first_frame fresh-legs "$fl_home" "$fresh_legs" >/dev/null

results=$bench/results.txt
: >"$results"
for i in $(seq 1 "$runs"); do
  echo "Run $i of $runs…" >&2
  echo "gnome-clocks $(first_frame clocks "$clocks_home" "$clocks")" >>"$results"
  echo "minimal $(first_frame minimal "$minimal_home" "$bench/minimal-window")" >>"$results"
  if [[ $have_fl == 1 ]]; then
    echo "fresh-legs $(first_frame fresh-legs "$fl_home" "$fresh_legs")" >>"$results"
  fi
done

fl_idle="fail"
fl_idle_note=""
if [[ $have_fl == 1 ]]; then
  if run_app fresh-legs "$fl_home" "$fresh_legs" log drink 2500ml >>"$applog" 2>&1; then
    fl_idle_note="2500 ml logged, no drink due"
  else
    # Without the command line, switch the drink reminder off instead.
    printf 'drink-reminders=false\n' >>"$fl_home/config/glib-2.0/settings/keyfile"
    fl_idle_note="drink reminders off (log drink failed)"
  fi
  echo "Idle fresh-legs for ${idle_s} s…" >&2
  fl_idle=$(idle fresh-legs "$fl_home" "$fresh_legs")
fi
echo "Idle gnome-clocks for ${idle_s} s…" >&2
clocks_idle=$(idle clocks "$clocks_home" "$clocks")

/usr/bin/python3 - "$results" "$fl_idle" "$clocks_idle" "$runs" "$idle_s" "$fl_idle_note" <<'PY'
import statistics, sys

path, fl_idle, clocks_idle, runs, idle_s, note = sys.argv[1:]
data = {"fresh-legs": [], "gnome-clocks": [], "minimal": []}
fails = {"fresh-legs": 0, "gnome-clocks": 0, "minimal": 0}
for line in open(path, encoding="utf-8"):
    name, *rest = line.split()
    if rest == ["fail"] or len(rest) != 3:
        fails[name] += 1
        continue
    data[name].append(tuple(float(x) for x in rest))

def col(name, i):
    return [row[i] for row in data[name]]

def med(name, i):
    v = col(name, i)
    return statistics.median(v) if v else None

def fmt(v, unit, scale=1.0):
    return "n/a" if v is None else f"{v / scale:.0f} {unit}" if unit == "ms" else f"{v / scale:.1f} {unit}"

def spread(name, i, unit, scale=1.0):
    v = col(name, i)
    if not v:
        return ""
    digits = 0 if unit == "ms" else 1
    return f"({min(v) / scale:.{digits}f}–{max(v) / scale:.{digits}f})"

def ratio(i):
    a, b = med("fresh-legs", i), med("gnome-clocks", i)
    return "n/a" if a is None or b is None or b == 0 else f"{a / b:.2f}"

def idle(s):
    parts = s.split()
    return "n/a" if len(parts) != 3 else f"{parts[1]} /s"

def idle_detail(name, s):
    parts = s.split()
    if len(parts) == 3:
        print(f"  {name}: {parts[0]} context switches in {idle_s} s over {parts[2]} threads")

rows = [
    ("exec → first frame, median", 0, "ms", 1.0),
    ("RSS at first frame, median", 1, "MiB", 1024.0),
    ("peak RSS (VmHWM), median", 2, "MiB", 1024.0),
]
print()
print(f"Fresh Legs vs GNOME Clocks: Xvfb 1280x800x24, GSK_RENDERER=cairo, "
      f"{runs} warm runs each")
print(f"{'':30} {'fresh-legs':>26} {'gnome-clocks':>26} {'ratio':>7} {'minimal adw window':>26}")
for label, i, unit, scale in rows:
    fl = f"{fmt(med('fresh-legs', i), unit, scale)} {spread('fresh-legs', i, unit, scale)}"
    gc = f"{fmt(med('gnome-clocks', i), unit, scale)} {spread('gnome-clocks', i, unit, scale)}"
    mn = f"{fmt(med('minimal', i), unit, scale)} {spread('minimal', i, unit, scale)}"
    print(f"{label:30} {fl:>26} {gc:>26} {ratio(i):>7} {mn:>26}")
print(f"{'idle wake-ups over ' + idle_s + ' s':30} {idle(fl_idle):>26} {idle(clocks_idle):>26}")
print("  ratio = fresh-legs / gnome-clocks; the minimal window is an AdwApplicationWindow with a label")
idle_detail("fresh-legs", fl_idle)
idle_detail("gnome-clocks", clocks_idle)
if note:
    print(f"  fresh-legs idle with {note}")
for name, n in fails.items():
    if n:
        print(f"{name}: {n} run(s) failed to reach a first frame")
PY
echo "Raw figures: $results; application output: $applog" >&2
