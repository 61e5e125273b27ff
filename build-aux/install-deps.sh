#!/usr/bin/env bash
# install-deps.sh: install the Debian bookworm packages that arango-glib's
# build, tests, documentation and language bindings need.
#
# Does nothing (no apt-get update, no install) when every package is
# already installed; otherwise runs apt-get update once and installs only
# the missing ones, without asking. Uses sudo only when not run as root.

set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc
  libglib2.0-dev libsoup-3.0-dev libjson-glib-dev
  gettext
  # introspection, bindings and their tests
  gobject-introspection libgirepository1.0-dev
  gir1.2-glib-2.0 gir1.2-soup-3.0 gir1.2-json-1.0
  python3-gi gjs valac
  # documentation
  gi-docgen
  # tests: TLS for https:// hosts, sanitizers and fuzzing, leak checks,
  # the emulator's test certificates
  glib-networking clang libclang-rt-14-dev valgrind openssl
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script is for Debian bookworm." >&2
  echo "install-deps: install these packages (or your system's equivalents): ${packages[*]}" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  # One line per installed architecture; any of them will do.
  if ! dpkg-query -W -f='${Status}\n' "$package" 2>/dev/null |
       grep -qx 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are present; nothing to do."
  exit 0
fi

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps: not root and sudo is not installed; as root, run:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
}

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" </dev/null
echo "install-deps: done."
