#!/usr/bin/env bash
# Builds the release app into dist/ (what the tests and the benchmark use).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tool-path.sh
# wasm-bindgen's output folder keeps JS snippets from earlier builds, and Trunk would ship them.
rm -rf target/wasm-bindgen
trunk build --release --offline
