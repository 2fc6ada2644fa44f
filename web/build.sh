#!/usr/bin/env bash
# Builds the web bundle `breakeven export` puts into interactive.html: web/dist/breakeven_web.js
# (wasm-bindgen's glue, --target no-modules) and web/dist/breakeven_web_bg.wasm.
#
# Needs, once (see README, "In a browser"): web/tools.sh, which installs the wasm32 target and
# wasm-bindgen's tool at the version Cargo.lock names; and, optionally, Debian's binaryen, whose
# wasm-opt makes the page smaller.
#
# `build.sh --quick` builds for a check, as CI does: less optimised, no LTO, no wasm-opt; the
# page is larger and takes a little longer to start, and runs the same code.
set -euo pipefail
cd "$(dirname "$0")"
profile=release
if [ "${1:-}" = "--quick" ]; then
  profile=quick
fi
want=$(./tools.sh --version)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }') || true
if [ "$want" != "$have" ]; then
  echo "web/build.sh: wasm-bindgen $want is needed (found ${have:-none}): run web/tools.sh" >&2
  exit 2
fi
# The workspace's versions, so the page runs the same code as the desktop.
cp ../Cargo.lock Cargo.lock
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
cargo build --profile "$profile" --target wasm32-unknown-unknown --lib
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/$profile/breakeven_web.wasm"
mkdir -p build dist
if [ "$profile" = release ] && command -v wasm-opt >/dev/null; then
  # Before wasm-bindgen: Debian's wasm-opt 108 run on wasm-bindgen's output breaks its table of
  # references ("WebAssembly.Table.set(): Argument 1 is invalid").
  wasm-opt -Oz "$wasm" -o build/breakeven_web.wasm
  wasm=build/breakeven_web.wasm
fi
wasm-bindgen "$wasm" --out-dir dist --out-name breakeven_web --target no-modules \
  --no-typescript --remove-name-section --remove-producers-section
ls -l dist
