#!/usr/bin/env bash
# Benchmark: `livret watch` rebuild after a one-paragraph edit, against a cold build of
# the same target (`livret build --no-print`). Target: rebuild ≤ 25% of the cold build.
# Not run in CI. Usage: bash bench/watch.sh [LANG] [LAYOUT]
set -euo pipefail
cd "$(dirname "$0")/.."
lang="${1:-fr}"
layout="${2:-pocket-a6}"
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet
livret="${CARGO_TARGET_DIR:-target}/release/livret"

# Work on a copy so the sample guide is left untouched.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/
chapter="$work/sources/$lang/05-signaler.md"
[ -f "$chapter" ] || chapter=$(ls "$work/sources/$lang/"*.md | head -1)

echo "== cold build (new process, nothing cached)"
hyperfine -N --warmup 1 --runs 10 "$livret build --project $work --lang $lang --layout $layout --no-print" | grep -E "Time|Range"

echo "== watch: 10 one-paragraph edits"
edits=10
out="$work/watch.log"
"$livret" watch --project "$work" --lang "$lang" --layout "$layout" --max-builds $((edits + 1)) > "$out" &
pid=$!
until grep -q '^built' "$out" 2>/dev/null; do sleep 0.1; done
for i in $(seq 1 $edits); do
  sleep 0.8
  # Change one word of one paragraph.
  sed -i "0,/^Un /s//Un${i} /; 0,/^A /s//A${i} /" "$chapter"
  printf '\nÉdition %s du paragraphe de test.\n' "$i" >> "$chapter"
  until [ "$(grep -c '^built\|^failed' "$out")" -gt "$i" ]; do sleep 0.05; done
done
wait $pid
grep '^built' "$out" | sed -n '2,$p' | sed 's/.* in \([0-9]*\) ms (typst \([0-9]*\) ms)/\1 \2/' \
  | awk '{s+=$1; c+=$2; n++; if ($1>max) max=$1} END {printf "rebuild after an edit: mean %.1f ms (typst compile %.1f ms), max %d ms over %d edits\n", s/n, c/n, max, n}'
