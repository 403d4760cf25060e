#!/usr/bin/env bash
# Benchmark: `livret build` of one language × layout against `typst compile` of the
# same generated main.typ, side by side in one hyperfine run. Target: reading only ≤ 1.1×.
# Needs hyperfine (apt-get install hyperfine); installs typst-cli 0.15.1 if missing.
# Not run in CI. Usage: bash bench/build.sh [LANG] [LAYOUT]
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-fr}"
layout="${2:-pocket-a6}"

command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
if ! typst --version 2>/dev/null | grep -q '0\.15\.1'; then
  cargo install typst-cli --version 0.15.1 --locked
fi
cargo build --release --quiet
livret="${CARGO_TARGET_DIR:-target}/release/livret"

# Produce main.typ once so typst-cli compiles exactly what livret compiles.
"$livret" build --lang "$lang" --layout "$layout" >/dev/null
main="out/securite-collaborative/$lang/$layout/main.typ"
mkdir -p bench/results

# "reading only" is the same job as typst compile; "with print" also imposes the
# layout's print presets and writes their job tickets.
hyperfine -N --warmup 2 --runs 15 \
  --export-markdown "bench/results/build-$lang-$layout.md" \
  -n "livret build (reading only)" "$livret build --lang $lang --layout $layout --no-print" \
  -n "livret build (with print)" "$livret build --lang $lang --layout $layout" \
  -n "typst compile" "typst compile --root . --font-path fonts --ignore-system-fonts $main /tmp/livret-bench-typst.pdf"
