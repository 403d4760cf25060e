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
# Not run in CI. Usage: bash bench/watch.sh [LANG] [LAYOUT]   (LIVRET=path: that binary;
# BASELINE=path: also an earlier livret binary, watching its own copy, in the same run)
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

# Work on copies so the sample guide is left untouched: one for livret (and typst's
# main.typ), one for the baseline binary if any.
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A copy of the guide in $work/$1 built and watched by binary $2.
watched_copy() {
  local dir="$work/$1" bin="$2"
  mkdir -p "$dir"
  cp -r sources layouts fonts "$dir"/
  "$bin" build --project "$dir" --lang "$lang" --layout "$layout" --no-print --quiet >/dev/null
  "$bin" watch --project "$dir" --lang "$lang" --layout "$layout" > "$work/$1.log" 2>&1 &
  pids+=($!)
}
# The reading PDF, report.json and edited chapter of the copy $1.
pdf_of() { ls "$work/$1"/out/*/"$lang/$layout"/*-"$lang-$layout".pdf; }
report_of() { ls "$work/$1"/out/*/report.json; }
chapter_of() {
  local chapter="$work/$1/sources/$lang/05-signaler.md"
  [ -f "$chapter" ] || chapter=$(ls "$work/$1/sources/$lang/"*.md | head -1)
  echo "$chapter"
}

watched_copy livret "$LIVRET"
copies=(livret)
if [ -n "${BASELINE:-}" ]; then
  watched_copy baseline "$BASELINE"
  copies+=(baseline)
fi
guide_dir=$(dirname "$(ls "$work"/livret/out/*/"$lang/$layout/main.typ")")
# typst's copy of main.typ sits in the guide's copy (its root) but outside what livret
# watches and writes, so that neither watcher wakes the other.
typst_dir="$work/livret/typst"
mkdir -p "$typst_dir"
cp "$guide_dir/main.typ" "$typst_dir/main.typ"
typst watch --root "$work/livret" --font-path "$work/livret/fonts" --ignore-system-fonts \
  "$typst_dir/main.typ" "$typst_dir/main.pdf" > "$work/typst.log" 2>&1 &
pids+=($!)
# Waits (at most a minute) until the command $2… succeeds; else shows log $1 and stops.
wait_until() {
  local log="$1"; shift
  for _ in $(seq 600); do "$@" && return 0; sleep 0.1; done
  echo "no first build; $log says:" >&2; cat "$log" >&2; exit 1
}
for copy in "${copies[@]}"; do
  wait_until "$work/$copy.log" grep -q '^built' "$work/$copy.log"
done
wait_until "$work/typst.log" test -f "$typst_dir/main.pdf"
sleep 1

mkdir -p bench/results
result="bench/results/watch-$lang-$layout.md"
# Each waiting run also logs its own edit -> output time (--log), without Python's start.
# A pause before each run lets the previous rebuild finish (not timed).
chapter=$(chapter_of livret)
rows=(
  -n "edit only (python + edit, to subtract)" "$edit $chapter --no-wait"
  -n "livret watch: reading PDF replaced"
  "$edit $chapter --wait $(pdf_of livret) --log $work/reading.ms"
  -n "livret watch: whole rebuild (report.json replaced)"
  "$edit $chapter --wait $(report_of livret) --log $work/report.ms"
)
if [ -n "${BASELINE:-}" ]; then
  rows+=(
    -n "baseline livret watch: reading PDF replaced"
    "$edit $(chapter_of baseline) --wait $(pdf_of baseline) --log $work/baseline-reading.ms"
    -n "baseline livret watch: whole rebuild (report.json replaced)"
    "$edit $(chapter_of baseline) --wait $(report_of baseline) --log $work/baseline-report.ms"
  )
fi
rows+=(
  -n "typst watch: PDF rewritten"
  "$edit $typst_dir/main.typ --wait $typst_dir/main.pdf --log $work/typst.ms"
)
warmup=3
hyperfine -N --warmup $warmup --runs 30 --prepare "sleep 0.4" --export-markdown "$result" \
  "${rows[@]}"

{
  echo
  echo "Machine: $(nproc) cores, $(uname -sr); livret $("$LIVRET" --version | cut -d' ' -f2), $(typst --version); load average $(cut -d' ' -f1-3 /proc/loadavg) after the run."
  echo "Sample guide, target $lang $layout; the edit puts a new word in a paragraph of $(basename "$chapter") (livret) or of main.typ (typst)."
  echo "Rebuild time = a row's mean minus the \"edit only\" row's mean."
  echo
  echo "The same runs timed inside edit_wait.py, from just before the edit to the output seen whole"
  echo "(no Python start; warm-up runs left out):"
  echo
  python3 - "$warmup" "$work" <<'PY'
import os, statistics, sys
warmup, work = int(sys.argv[1]), sys.argv[2]
rows = [("livret watch: reading PDF replaced", "reading"),
        ("livret watch: whole rebuild (report.json replaced)", "report"),
        ("baseline livret watch: reading PDF replaced", "baseline-reading"),
        ("baseline livret watch: whole rebuild (report.json replaced)", "baseline-report"),
        ("typst watch: PDF rewritten", "typst")]
rows = [(name, key) for name, key in rows if os.path.exists(f"{work}/{key}.ms")]
times = {key: [float(l) for l in open(f"{work}/{key}.ms")][warmup:] for _, key in rows}
typst = statistics.median(times["typst"])
print("| Edit -> output | Median [ms] | Min [ms] | Max [ms] | Median / typst watch |")
print("|:---|---:|---:|---:|---:|")
for name, key in rows:
    t = times[key]
    median = statistics.median(t)
    print(f"| {name} | {median:.1f} | {min(t):.1f} | {max(t):.1f} | {median / typst:.2f} |")
PY
} >> "$result"
cat "$result"
# livret's own figure for each rebuild, as it reports it.
grep '^built' "$work/livret.log" | tail -n 5
