#!/usr/bin/env bash
# run.sh [ARGS…]: install what is missing, build, and run Fresh Legs from the
# build folder (no installation needed), e.g.
#   build-aux/run.sh
#   build-aux/run.sh today --json
# BUILDDIR (default: build) chooses the build folder.
set -euo pipefail

here=$PWD
cd "$(dirname "$0")/.."
builddir=${BUILDDIR:-build}

build-aux/setup.sh
if [[ ! -f $builddir/build.ninja ]]; then
  meson setup "$builddir"
fi
ninja -C "$builddir"

# devenv sets GSETTINGS_SCHEMA_DIR to the compiled schema in the build folder
# and puts build/src on PATH; run in the caller's folder so relative paths in
# the arguments (a GPX file, say) mean what the caller meant.
exec meson devenv -C "$builddir" --workdir "$here" fresh-legs "$@"
