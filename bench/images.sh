#!/usr/bin/env bash
# Benchmark: the whole sample build with a cold image cache (every image decoded,
# resampled and encoded) against a warm one (everything from out/.cache/images), and
# the sizes of the print and screen editions beside a PDF of the untouched images.
# Needs hyperfine; typst-cli 0.15.1 for the untouched-images PDF. Not run in CI.
# Usage: bash bench/images.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet
livret="$(pwd)/${CARGO_TARGET_DIR:-target}/release/livret"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/

hyperfine -N --warmup 1 --runs 8 \
  --prepare "rm -rf $work/out/.cache" --prepare "true" \
  -n "build, cold image cache" "$livret build --project $work" \
  -n "build, warm image cache" "$livret build --project $work"

echo "== sizes (fr × pocket-a6)"
dir="$work/out/securite-collaborative/fr/pocket-a6"
ls -l "$dir"/*.pdf | awk '{printf "%8d  %s\n", $5, $NF}' | sed "s|$dir/||"
if typst --version 2>/dev/null | grep -q '0\.15\.1'; then
  typst compile --root "$work" --font-path "$work/fonts" --ignore-system-fonts \
    "$dir/main.typ" "$work/untouched.pdf"
  printf "%8d  typst compile of the same main.typ (images as they are)\n" "$(stat -c %s "$work/untouched.pdf")"
fi
