#!/usr/bin/env bash
# Benchmark: in `livret desk`'s translate room, a saved block → the preview updated:
# from sending the save to having the rebuilt page's picture, as the page does it (POST
# the save through po import's merge, GET the preview, which rebuilds through watch's
# pipeline on a warm world, GET the page's SVG). bench/desk_save.py drives it over HTTP
# on a copy of the sample (the first paragraph of en/01-introduction). Target: median
# ≤ 300 ms. Results: bench/results/desk.md. Not run in CI.
# Usage: bash bench/desk.sh [N]   (LIVRET=path: that binary; default a release build)
set -euo pipefail
cd "$(dirname "$0")/.."
samples="${1:-30}"
if [ -z "${LIVRET:-}" ]; then
  cargo build --release --quiet
  target="${CARGO_TARGET_DIR:-target}"
  case "$target" in /*) ;; *) target="$(pwd)/$target" ;; esac
  LIVRET="$target/release/livret"
fi
work=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r sources layouts fonts "$work"/
"$LIVRET" desk --project "$work" --no-open --port 0 > "$work/desk.log" 2>&1 &
pid=$!
until grep -q '^desk: ' "$work/desk.log" 2>/dev/null; do sleep 0.1; done
url=$(sed -n 's/^desk: //p' "$work/desk.log")
out=$(python3 bench/desk_save.py "$url" en 01-introduction "$samples")
mkdir -p bench/results
{
  echo "# livret desk: save a block → preview updated"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "\`$("$LIVRET" --version)\` (release), sample guide, en/01-introduction, first paragraph,"
  echo "$samples saves in a row, each timed from the save's request to the rebuilt page's SVG."
  echo "Target: median ≤ 300 ms."
  echo
  echo '```'
  echo "$out"
  echo '```'
} > bench/results/desk.md
tail -1 <<< "$out"
