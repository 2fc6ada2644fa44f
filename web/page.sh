#!/usr/bin/env bash
# The page for someone without Rust, in one command from the repository:
#
#   web/page.sh SCENARIO.ron [OUT_DIR] [--read-only]
#
# installs what the web build needs where it is missing (web/tools.sh), builds the web bundle
# (web/build.sh), and exports the scenario's pack with interactive.html into OUT_DIR (by default
# the scenario's file name with -page). On two cores the first run takes about half an hour
# (wasm-bindgen's tool and the bundle are built once), later ones a few minutes. Send
# OUT_DIR/interactive.html: it opens by double-click in a browser.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  sed -n 2,10p "$0" >&2
  exit 2
fi
scenario=$1
shift
out=
# ${a[@]+...} below: an empty array is "unbound" to macOS's bash 3.2 under set -u.
read_only=()
for arg in "$@"; do
  case $arg in
    --read-only) read_only=(--read-only) ;;
    *) out=$arg ;;
  esac
done
out=${out:-$(basename "${scenario%.ron}")-page}
"$here/tools.sh"
"$here/build.sh"
cargo run --release --quiet --manifest-path "$here/../Cargo.toml" -- \
  export "$scenario" --out "$out" ${read_only[@]+"${read_only[@]}"}
echo "Send $out/interactive.html: it opens by double-click in a browser, with no install."
