#!/usr/bin/env bash
# run-tests.sh: install the dependencies, build arango-glib in _build and
# run every test suite (C, Python, GJS, Vala, docs) with meson. The exit
# status is meson test's. Extra arguments go to meson test, e.g.
#
#   ./build-aux/run-tests.sh --suite c
#
# Works from any directory.

set -euo pipefail

cd "$(dirname "$0")/.."

./build-aux/install-deps.sh

if [ -f _build/build.ninja ]; then
  : # configured: meson compile regenerates it when a meson.build changed
elif [ -d _build/meson-private ]; then
  meson setup --reconfigure _build
else
  meson setup _build
fi

meson compile -C _build

exec meson test -C _build --print-errorlogs "$@"
