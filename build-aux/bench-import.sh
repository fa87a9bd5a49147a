#!/usr/bin/env bash
# bench-import.sh: import throughput on a generated 50 MB GPX, side by side
# with gpxpy (Debian's python3-gpxpy) parsing the same file in the same run.
#
#   build-aux/bench-import.sh        (BUILDDIR=build SIZE_MB=50 REPEATS=3 GPXPY_REPEATS=1)
#
# The importer: build-aux/bench-import.c calls fl_import_file(), the function
# the app, the drop target and `fresh-legs import` use, compiled with -O2 (the
# rest of the core from $BUILDDIR's libfl-core.a). gpxpy: gpxpy.parse() on the
# opened file, then length_2d() per track and the point count, so both do the
# same work: parse, distance, count. Wall time, best of REPEATS, warm page cache.
# Reports MB/s (MiB of file per second) and points/s for both, and the ratio.
# Goal (issue 4): at least 10 x gpxpy.
#
# A benchmark, not a test: figures on a shared VM are not pass/fail.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}
size_mb=${SIZE_MB:-50}
repeats=${REPEATS:-3}
gpxpy_repeats=${GPXPY_REPEATS:-1}
python=/usr/bin/python3

build-aux/setup.sh python3-gpxpy
if [[ ! -f $builddir/build.ninja ]]; then
  meson setup "$builddir"
fi
ninja -C "$builddir" src/libfl-core.a

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2046
cc -O2 -Wall -I"$builddir" -Isrc/core \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  build-aux/bench-import.c src/core/fl-import.c "$builddir/src/libfl-core.a" \
  $(pkg-config --cflags --libs gio-2.0 json-glib-1.0) -lm -o "$work/bench-import"

"$python" build-aux/bench-import-gen.py "$work/bench.gpx" "$size_mb"

ours=$("$work/bench-import" "$work/bench.gpx" "$repeats")
theirs=$("$python" build-aux/bench-import-gpxpy.py "$work/bench.gpx" "$gpxpy_repeats")

"$python" - "$ours" "$theirs" <<'PY'
import json, sys
ours, theirs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
mib = ours["bytes"] / 2**20
print(f"file: {mib:.1f} MiB, {ours['activities']} tracks, {ours['points']} points")
for name, r in (("fl_import_file", ours), ("gpxpy " + __import__("gpxpy").__version__, theirs)):
    print(f"{name:>16}: {r['seconds']:8.3f} s  {mib / r['seconds']:8.1f} MB/s  "
          f"{r['points'] / r['seconds']:12,.0f} points/s  distance {r['distance_m'] / 1000:,.1f} km")
print(f"ratio: {theirs['seconds'] / ours['seconds']:.1f} x gpxpy (goal: at least 10 x)")
# The same figures from both, or the comparison means nothing
assert ours["points"] == theirs["points"], (ours["points"], theirs["points"])
assert abs(ours["distance_m"] - theirs["distance_m"]) < 0.005 * theirs["distance_m"]
PY
