#!/usr/bin/env bash
# run-demo.sh: install the dependencies, build arango-glib in _build and run
# the demo. Without arguments the demo starts the emulator (a local
# three-coordinator cluster) itself; give it hosts to talk to a real
# ArangoDB instead, e.g.
#
#   ./build-aux/run-demo.sh http://127.0.0.1:8529
#
# Every argument goes to _build/examples/arango-demo unchanged (--help
# lists them). Works from any directory.

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

exec _build/examples/arango-demo "$@"
