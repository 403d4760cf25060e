#!/usr/bin/env bash
# Benchmark: the whole sample matrix (4 languages × 2 layouts) in one `livret build`,
# against a loop of `typst compile` over the same generated main.typ files; and a
# build where nothing changed. Targets: cold ≤ 0.8× the loop, warm under 1 s.
# Needs hyperfine and typst-cli 0.15.1. Not run in CI. Usage: bash bench/matrix.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
typst --version 2>/dev/null | grep -q '0\.15\.1' || cargo install typst-cli --version 0.15.1 --locked
cargo build --release --quiet
livret="$(pwd)/${CARGO_TARGET_DIR:-target}/release/livret"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/
"$livret" build --project "$work" >/dev/null
loop="$work/typst-loop.sh"
{
  echo "set -e"
  for main in "$work"/out/*/*/*/main.typ; do
    echo "typst compile --root $work --font-path $work/fonts --ignore-system-fonts $main ${main%.typ}.typst.pdf"
  done
} > "$loop"
hyperfine --warmup 1 --runs 5 \
  --prepare "rm -rf $work/out/.livret" --prepare "rm -rf $work/out/.livret" --prepare "rm -rf $work/out/.livret" --prepare "true" --prepare "true" \
  -n "livret build, reading PDFs only (8 print + 8 screen editions)" "$livret build --project $work --no-print" \
  -n "livret build -j 1, reading PDFs only" "$livret build --project $work --no-print -j 1" \
  -n "livret build, everything (editions, 3 print presets, tickets)" "$livret build --project $work" \
  -n "livret build, nothing changed" "$livret build --project $work" \
  -n "loop of typst compile (8 reading PDFs, original images)" "bash $loop"
