#!/usr/bin/env bash
# What the memory budget costs the commands that compile in their own process:
# `check`, `proof` and `preview` run again as a child of livret under `--memory`
# (the default, 4GB) against the same command with `--memory none` (in-process), on a
# temporary copy of the sample guide (whose French and English targets show a Typst
# chapter), side by side in one hyperfine run. Results: bench/results/memory.md.
# Not run in CI. Usage: bash bench/memory.sh   (LIVRET=path: measure that binary;
# RUNS, default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}
command -v hyperfine >/dev/null || { echo "install hyperfine: apt-get install hyperfine" >&2; exit 2; }
if [ -z "${LIVRET:-}" ]; then
  cargo build --release --quiet
  target="${CARGO_TARGET_DIR:-target}"
  case "$target" in /*) ;; *) target="$(pwd)/$target" ;; esac
  LIVRET="$target/release/livret"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/
"$LIVRET" build --project "$work" --quiet --no-print >/dev/null
mkdir -p bench/results
result="bench/results/memory.md"
p="--project $work"
# check exits 1 when a translation needs attention: -i accepts that.
hyperfine -N -i --warmup 2 --runs "$RUNS" --export-markdown "$work/time.md" \
  --export-json "$work/time.json" \
  -n "check (budget, child)" "$LIVRET -q check $p" \
  -n "check --memory none" "$LIVRET -q check $p --memory none" \
  -n "proof bm (budget, child)" "$LIVRET -q proof $p --lang bm" \
  -n "proof bm --memory none" "$LIVRET -q proof $p --lang bm --memory none" \
  -n "preview fr (budget, child)" "$LIVRET -q preview $p --lang fr --contact-only" \
  -n "preview fr --memory none" "$LIVRET -q preview $p --lang fr --contact-only --memory none" \
  >/dev/null
{
  echo "# The memory budget of check, proof and preview"
  echo
  echo "livret \`$("$LIVRET" --version)\`; $(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Each command with its default budget (run again as a child under RLIMIT_AS) and"
  echo "with \`--memory none\` (in livret's own process), on the sample guide."
  echo
  cat "$work/time.md"
  echo
  echo "CPU time (user + system, mean of the runs; the child's counted), which a loaded"
  echo "machine disturbs less than wall time:"
  echo
  python3 - "$work/time.json" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
print("| Command | CPU [ms] |")
print("|:---|---:|")
for r in runs:
    print(f"| `{r['command']}` | {(r['user'] + r['system']) * 1000:.0f} |")
PY
} > "$result"
echo "wrote $result"
