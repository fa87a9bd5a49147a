#!/usr/bin/env bash
# bench-training.sh: FlTraining over 10 and 20 years of daily runs.
#
#   build-aux/bench-training.sh [YEARS...]   (BUILDDIR=build-release; default 10 20)
#
# Builds the core library in a release build directory (-O2, as shipped),
# then build-aux/bench-training.c against it, and runs it with the test
# suite's TZ. Goal (issue 4): 10 years under 20 ms, and linear growth (the
# 20-year figure about twice the 10-year one).
#
# A benchmark, not a test: figures on a shared VM are not pass/fail.
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build-release}

if [[ ! -f $builddir/build.ninja ]]; then
  meson setup "$builddir" --buildtype=release >/dev/null
fi
ninja -C "$builddir" src/libfl-core.a >/dev/null

cc -O2 -Wall -I"$builddir" -Isrc/core -I"$builddir/src" \
  build-aux/bench-training.c "$builddir/src/libfl-core.a" \
  $(pkg-config --cflags --libs gio-unix-2.0 json-glib-1.0) -lm -o "$builddir/bench-training"

TZ=${TZ:-Europe/Berlin} "$builddir/bench-training" "$@"
