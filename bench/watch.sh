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
hyperfine -N --warmup 1 --runs 10 "$livret build --project $work --lang $lang --layout $layout --no-print --force" | grep -E "Time|Range"

echo "== watch: 10 one-paragraph edits"
edits=10
out="$work/watch.log"
"$livret" watch --project "$work" --lang "$lang" --layout "$layout" --max-builds $((edits + 1)) > "$out" &
pid=$!
until grep -q '^built' "$out" 2>/dev/null; do sleep 0.1; done
for i in $(seq 1 $edits); do
  sleep 0.8
  # A translator's edit: one word added to one paragraph (a different paragraph of
  # the chapter each time).
  python3 - "$chapter" "$i" <<'PY'
import sys
path, i = sys.argv[1], int(sys.argv[2])
blocks = open(path, encoding="utf-8").read().split("\n\n")
paras = [k for k, b in enumerate(blocks) if b[:1].isalpha()]
k = paras[i % len(paras)]
blocks[k] = blocks[k].replace(" ", f" révisé{i} ", 1)
open(path, "w", encoding="utf-8").write("\n\n".join(blocks))
PY
  until [ "$(grep -c '^built\|^failed' "$out")" -gt "$i" ]; do sleep 0.05; done
done
wait $pid
grep '^built' "$out" | sed -n '2,$p' | sed 's/.* in \([0-9]*\) ms (typst \([0-9]*\) ms)/\1 \2/' \
  | awk '{s+=$1; c+=$2; n++; if ($1>max) max=$1} END {printf "rebuild after an edit: mean %.1f ms (typst compile %.1f ms), max %d ms over %d edits\n", s/n, c/n, max, n}'

# The peer, side by side: typst-cli's own watch on the main.typ livret generated, with
# the same kind of edit made directly in the Typst source (no Markdown conversion).
if typst --version 2>/dev/null | grep -q '0\.15\.1'; then
  echo "== typst watch (typst-cli $(typst --version | cut -d' ' -f2)), same main.typ, same kind of edit"
  main=$(ls "$work"/out/*/"$lang/$layout/main.typ")
  tlog="$work/typst-watch.log"
  typst watch --root "$work" --font-path "$work/fonts" --ignore-system-fonts \
    "$main" "$work/typst.pdf" > "$tlog" 2>&1 &
  tpid=$!
  until grep -q 'compiled' "$tlog" 2>/dev/null; do sleep 0.1; done
  for i in $(seq 1 $edits); do
    sleep 0.8
    python3 - "$main" "$i" <<'PY'
import sys
path, i = sys.argv[1], int(sys.argv[2])
lines = open(path, encoding="utf-8").read().split("\n")
start = next(n for n, l in enumerate(lines) if l.startswith('#chapter(id: "05'))
paras = [n for n in range(start + 1, len(lines)) if lines[n][:1].isalpha()][:12]
n = paras[i % len(paras)]
lines[n] = lines[n].replace(" ", f" révisé{i} ", 1)
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
    until [ "$(grep -c 'compiled' "$tlog")" -gt "$i" ]; do sleep 0.05; done
  done
  kill "$tpid"; wait "$tpid" 2>/dev/null || true
  grep -o 'compiled [a-z ]*in [0-9.]* ms' "$tlog" | sed -n '2,$p' | awk '{s+=$(NF-1); n++} END {printf "typst watch after an edit: mean %.1f ms over %d edits\n", s/n, n}'
else
  echo "(typst-cli 0.15.1 not installed: cargo install typst-cli --version 0.15.1 --locked)"
fi
