#!/usr/bin/env bash
# setup.sh: install what Fresh Legs needs to build, run and test on Debian 12.
#
# Installs only the packages that are missing (so a second run does nothing
# and needs no network), without recommended extras, as root or via sudo.
# Extra package names given as arguments are installed too (the benchmark
# uses this for gnome-clocks).
set -euo pipefail

packages=(
  # build
  gcc libc6-dev pkg-config meson ninja-build gettext
  libgtk-4-dev libadwaita-1-dev libjson-glib-dev libnotify-dev
  # sound cues in the cool-down (meson option sound=auto; optional)
  libgsound-dev
  # run: SVG icons, a font, the gtk4 tools (gtk4-update-icon-cache)
  libgtk-4-bin librsvg2-common fonts-dejavu-core
  # data validation
  desktop-file-utils appstream
  # headless tests: X server, a private session bus, a real notification
  # server, the accessibility bus, time zones for the TZ the tests set
  xvfb xauth dbus-x11 dbus-daemon dunst libnotify-bin at-spi2-core tzdata
)
packages+=("$@")

if ! command -v dpkg-query >/dev/null || ! command -v apt-get >/dev/null; then
  echo "setup.sh: this script installs Debian 12 packages with apt-get;" >&2
  echo "on another system install the equivalents of: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ $status == ii* ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "setup.sh: missing packages: ${missing[*]}" >&2
  echo "setup.sh: run this script as root (or install sudo) to install them" >&2
  exit 1
fi

echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists yet; an old list may name versions
# the mirror no longer has. Update once, then install.
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
