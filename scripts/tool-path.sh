# Sourced by the build scripts: puts the build's tools on PATH. `cargo install` puts tools in
# $CARGO_HOME/bin, which is ~/.cargo/bin only when CARGO_HOME is unset (many CI images set it
# elsewhere), so never a fixed home path. scripts/bin comes first: its wasm-bindgen stand-in
# splits the app before binding it.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$root/scripts/bin:$root/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
