#!/usr/bin/env bash
# Installs what is missing and runs every test: the rules and storage tests (cargo test), then
# the browser tests against the release build in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
# Where `cargo install` puts tools: $CARGO_HOME/bin, which is ~/.cargo/bin only by default.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

printf '\n== Rust tests\n'
cargo test --locked

printf '\n== Build tools are found wherever cargo put them (HOME set to an empty folder)\n'
empty_home="$(mktemp -d)"
CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" HOME="$empty_home" bash scripts/check-tools.sh
rmdir "$empty_home"

printf '\n== Release build\n'
bash scripts/build.sh

printf '\n== Browser tests (release build, Chromium)\n'
node --test --test-concurrency=1 tests/e2e/*.test.mjs
