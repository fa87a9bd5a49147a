#!/usr/bin/env bash
# test.sh [MESON-TEST-ARGS…]: install what is missing, build, and run the whole
# test suite under Xvfb with a private D-Bus session (where dunst, the
# notification server, is D-Bus activated for the notification tests).
# Ends with the line "N passed, N failed" and exits non-zero if any failed.
# BUILDDIR (default: build) chooses the build folder. The benchmark is not
# part of this run: see build-aux/benchmark.sh.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}

build-aux/setup.sh
if [[ ! -f $builddir/build.ninja ]]; then
  meson setup "$builddir"
fi
if ! ninja -C "$builddir"; then
  echo "test.sh: the build failed, so no test ran" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

testlog=$builddir/meson-logs/testlog.json
rm -f "$testlog"

# The same display set-up for every GUI test: X11 under Xvfb and the cairo
# renderer (no GL on a virtual framebuffer).
status=0
GDK_BACKEND=x11 GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
  xvfb-run -a -s "-screen 0 1280x800x24" \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs --no-suite benchmark "$@" || status=$?

if [[ ! -s $testlog ]]; then
  echo "test.sh: meson test wrote no $testlog (exit status $status)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# One JSON object per line, one line per test.
summary=$(/usr/bin/python3 - "$testlog" <<'PY'
import json, sys
passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as log:
    for line in log:
        line = line.strip()
        if not line:
            continue
        result = json.loads(line).get("result", "ERROR")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:  # FAIL, TIMEOUT, ERROR, UNEXPECTEDPASS, INTERRUPT
            failed += 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed else 0)
PY
) && counted=0 || counted=$?
echo "$summary"

if [[ $counted -ne 0 || $status -ne 0 ]]; then
  exit 1
fi
