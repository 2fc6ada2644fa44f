#!/usr/bin/env bash
# What web/build.sh needs, installed where missing: Rust's wasm32-unknown-unknown target, and
# wasm-bindgen's command-line tool at the version of the wasm-bindgen crate in Cargo.lock (the
# two must be the same), built from the crate registry.
#
#   web/tools.sh             installs what is missing (the tool takes about 10 minutes to build)
#   web/tools.sh --debug     the tool built without optimisation, in about 1.5 minutes: for a
#                            machine that builds one page and is thrown away (CI)
#   web/tools.sh --version   says the version Cargo.lock needs
set -euo pipefail
lock="$(dirname "$0")/../Cargo.lock"
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$lock")
if [ "${1:-}" = "--version" ]; then
  echo "$want"
  exit 0
fi
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }') || true
if [ "$have" != "$want" ]; then
  profile=()
  if [ "${1:-}" = "--debug" ]; then
    profile=(--debug)
  fi
  # Not --locked: the tool's own lock file names a webpki-roots the registry no longer has.
  # ${a[@]+...}: an empty array is "unbound" to macOS's bash 3.2 under set -u.
  # --force: a tool cargo remembers installing, but whose program is gone or another, again.
  cargo install wasm-bindgen-cli --version "$want" --force ${profile[@]+"${profile[@]}"}
fi
