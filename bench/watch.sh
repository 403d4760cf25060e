#!/usr/bin/env bash
# Benchmark: a rebuild after a one-paragraph edit, `livret watch` against `typst watch`
# (typst-cli 0.15.1) on the main.typ livret generated for the same target, side by side
# in one hyperfine run, both timed from outside the same way: bench/edit_wait.py makes
# the edit and waits until the watcher's PDF has changed and is whole. Each command
# includes Python's start and the edit; "edit only" (no wait) is that part alone, to
# subtract. Target: livret's rebuild ≤ 1.0× typst watch's.
#   - livret: a one-word edit of a paragraph of a Markdown chapter; timed until the
#     reading PDF is replaced, and until report.json is (the whole rebuild: reading PDF,
#     screen edition, record, report).
#   - typst: the same kind of edit in a copy of that main.typ (outside out/, so that
#     livret's own writes do not wake typst), timed until typst's PDF is rewritten.
# Results: bench/results/watch-LANG-LAYOUT.md. Needs hyperfine and typst-cli 0.15.1.
# Not run in CI. Usage: bash bench/watch.sh [LANG] [LAYOUT]   (LIVRET=path: that binary)
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
edit="python3 $(pwd)/bench/edit_wait.py"

# Work on a copy so the sample guide is left untouched.
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
cp -r sources layouts fonts "$work"/
"$LIVRET" build --project "$work" --lang "$lang" --layout "$layout" --no-print --quiet >/dev/null
guide_dir=$(dirname "$(ls "$work"/out/*/"$lang/$layout/main.typ")")
pdf=$(ls "$guide_dir"/*-"$lang-$layout".pdf)
report=$(ls "$work"/out/*/report.json)
chapter="$work/sources/$lang/05-signaler.md"
[ -f "$chapter" ] || chapter=$(ls "$work/sources/$lang/"*.md | head -1)
mkdir -p "$work/typst"
cp "$guide_dir/main.typ" "$work/typst/main.typ"

"$LIVRET" watch --project "$work" --lang "$lang" --layout "$layout" > "$work/livret.log" 2>&1 &
pids+=($!)
typst watch --root "$work" --font-path "$work/fonts" --ignore-system-fonts \
  "$work/typst/main.typ" "$work/typst/main.pdf" > "$work/typst.log" 2>&1 &
pids+=($!)
until grep -q '^built' "$work/livret.log" 2>/dev/null && [ -f "$work/typst/main.pdf" ]; do
  sleep 0.1
done
sleep 1

mkdir -p bench/results
result="bench/results/watch-$lang-$layout.md"
# A pause before each run lets the previous rebuild finish (not timed).
hyperfine -N --warmup 3 --runs 30 --prepare "sleep 0.4" --export-markdown "$result" \
  -n "edit only (python + edit, to subtract)" "$edit $chapter --no-wait" \
  -n "livret watch: reading PDF replaced" "$edit $chapter --wait $pdf" \
  -n "livret watch: whole rebuild (report.json replaced)" "$edit $chapter --wait $report" \
  -n "typst watch: PDF rewritten" "$edit $work/typst/main.typ --wait $work/typst/main.pdf"

{
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); livret $("$LIVRET" --version | cut -d' ' -f2), $(typst --version)."
  echo "Sample guide, target $lang $layout; the edit puts a new word in a paragraph of $(basename "$chapter") (livret) or of main.typ (typst)."
  echo "Rebuild time = a row's mean minus the \"edit only\" row's mean."
} >> "$result"
cat "$result"
# livret's own figure for each rebuild, as it reports it.
grep '^built' "$work/livret.log" | tail -n 5
