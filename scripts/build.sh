#!/usr/bin/env bash
# Builds the release app into dist/ (what the tests and the benchmark use).
set -euo pipefail
cd "$(dirname "$0")/.."
# scripts/bin first: its wasm-bindgen splits the app before binding it (see that script).
export PATH="$PWD/scripts/bin:$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# wasm-bindgen's output folder keeps JS snippets from earlier builds, and Trunk would ship them.
rm -rf target/wasm-bindgen
trunk build --release --offline
