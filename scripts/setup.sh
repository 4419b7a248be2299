#!/usr/bin/env bash
# Installs whatever is missing to build (and, with --browser, to test) the app, and skips what
# is already there at the right version. Only package registries are reachable, so everything
# comes from crates.io, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
# Where `cargo install` puts tools: $CARGO_HOME/bin, which is ~/.cargo/bin only by default.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
  # Not --locked: one of its pinned dependencies is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Splits the rarely used pages into their own WebAssembly modules at build time (see
# scripts/bin/wasm-bindgen). The version goes with Leptos's wasm_split_helpers in Cargo.lock.
WASM_SPLIT_VERSION=0.2.4
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "Installing wasm-split-cli $WASM_SPLIT_VERSION (about 2 minutes on 2 cores)"
  # Not --locked, for the same reason as wasm-bindgen-cli.
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing npm packages (GOV.UK Frontend, sass, binaryen, terser, playwright-core, axe-core, pouchdb-server, PouchDB)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--browser" ] && ! command -v chromium >/dev/null 2>&1; then
  say "Installing Chromium from Debian"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update
  $SUDO apt-get install -y chromium
fi
