#!/usr/bin/env bash
# Checks that the build finds each of its tools the way scripts/build.sh does. scripts/test.sh
# runs it with HOME pointing at an empty folder, so a tool found only through a fixed ~/.cargo
# path fails here rather than in a newcomer's release build.
set -euo pipefail
source "$(dirname "$0")/tool-path.sh"
missing=0
check() {
  local name="$1"
  shift
  if "$@" >/dev/null 2>&1; then
    printf '  found %s\n' "$name"
  else
    printf '  NOT FOUND: %s (scripts/setup.sh installs it)\n' "$name" >&2
    missing=1
  fi
}
check trunk trunk --version
# Through the stand-in in scripts/bin, which must find the real one on PATH.
check wasm-bindgen wasm-bindgen --version
check wasm-split-cli sh -c 'wasm-split-cli --help'
check wasm-opt wasm-opt --version
check sass sass --version
exit "$missing"
