#!/usr/bin/env bash
# Time from launching breakeven to its window being mapped (visible), measured from outside the
# process under a virtual X server, polled every 5 ms. Goal: under 200 ms.
#   xvfb-run -a scripts/startup-time.sh [RUNS]
# Needs xdotool; builds nothing: run `cargo build --release` first.
set -u
runs=${1:-6}
bin=${BIN:-target/release/breakeven}
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  "$bin" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "breakeven exited before its window showed" >&2; exit 1; }
    sleep 0.005
  done
  t1=$(date +%s%N)
  echo "$(((t1 - t0) / 1000000)) ms"
  kill "$pid"
  wait "$pid" 2>/dev/null
done
