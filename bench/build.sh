#!/usr/bin/env bash
# Benchmark: forced builds against typst-cli 0.15.1, side by side in one hyperfine run
# (same machine, same run), on a temporary copy of the sample guide:
#   - one target, reading + screen (`build --no-print --force`) against `typst compile`
#     of the main.typ livret generated for it (target: ≤ 1.0×);
#   - the same target with its print presets (imposed sheets, tickets, job sheets, ink);
#   - the whole sample matrix, `build --force` in a new process (target: ≤ 2 s), and the
#     same with the image cache emptied first (nothing prepared before).
# Results: bench/results/build-LANG-LAYOUT.md (hyperfine's table) and a summary line.
# Needs hyperfine (apt-get install hyperfine) and typst-cli 0.15.1 (cargo install
# typst-cli --version 0.15.1 --locked). Not run in CI.
# Usage: bash bench/build.sh [LANG] [LAYOUT]     (LIVRET=path: measure that binary;
# BASELINE=path: also the one-target build with an earlier binary, in the same run)
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-fr}"
layout="${2:-pocket-a6}"

command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
typst --version 2>/dev/null | grep -q '0\.15\.1' \
  || { echo "install typst-cli 0.15.1: cargo install typst-cli --version 0.15.1 --locked" >&2; exit 2; }
if [ -z "${LIVRET:-}" ]; then
  cargo build --release --quiet
  target="${CARGO_TARGET_DIR:-target}"
  case "$target" in /*) ;; *) target="$(pwd)/$target" ;; esac
  LIVRET="$target/release/livret"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/
# Produce main.typ (and the image cache) once so typst-cli compiles exactly what
# livret compiles, and every forced build below starts from the same state.
"$LIVRET" build --project "$work" --quiet >/dev/null
main=$(ls "$work"/out/*/"$lang/$layout/main.typ")
mkdir -p bench/results
result="bench/results/build-$lang-$layout.md"

baseline=()
if [ -n "${BASELINE:-}" ]; then
  baseline=(--prepare true -n "baseline livret build --no-print --force (reading + screen)"
    "$BASELINE build --project $work --lang $lang --layout $layout --no-print --force --quiet")
fi
# One --prepare per command, in order: only the last empties the image cache.
hyperfine -N --warmup 2 --runs 15 --export-markdown "$result" \
  "${baseline[@]}" \
  --prepare true --prepare true --prepare true --prepare true \
  --prepare "rm -rf $work/out/.cache" \
  -n "livret build --no-print --force (reading + screen)" \
  "$LIVRET build --project $work --lang $lang --layout $layout --no-print --force --quiet" \
  -n "typst compile (its main.typ)" \
  "typst compile --root $work --font-path $work/fonts --ignore-system-fonts $main $work/typst.pdf" \
  -n "livret build --force (+ print presets)" \
  "$LIVRET build --project $work --lang $lang --layout $layout --force --quiet" \
  -n "livret build --force, whole matrix" \
  "$LIVRET build --project $work --force --quiet" \
  -n "livret build --force, whole matrix, image cache emptied" \
  "$LIVRET build --project $work --force --quiet"

{
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); livret $("$LIVRET" --version | cut -d' ' -f2), $(typst --version); load average $(cut -d' ' -f1-3 /proc/loadavg) after the run."
  echo "Sample guide, target $lang $layout; the matrix is every language × layout of sources/guide.toml."
} >> "$result"
cat "$result"
