#!/usr/bin/env bash
# The size in bytes of every edition of the sample guide (reading, screen, print files),
# from a fresh build in a temporary copy, one line per PDF: `bytes  file`, then the
# screen edition of each target as a share of its reading (print) edition. Sizes do not
# depend on the machine or the build profile, so no release build is needed.
# Not run in CI. Usage: bash bench/sizes.sh [OLD.tsv]
#   LIVRET=path/to/livret   measure this binary (default: a debug build of this tree)
#   OLD.tsv                 a previous run's output: adds a column with the old sizes
# Numbers for issue 14 (lighter PDFs) are in bench/sizes.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LIVRET:-}" ]; then
  cargo build --quiet
  LIVRET="$(pwd)/${CARGO_TARGET_DIR:-target}/debug/livret"
fi
old="${1:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r sources layouts fonts "$work"/
"$LIVRET" build --project "$work" --quiet >/dev/null
out="$work/out/securite-collaborative"
(cd "$out" && find . -name '*.pdf' | sed 's|^\./||' | LC_ALL=C sort) | while read -r f; do
  size=$(stat -c %s "$out/$f")
  if [ -n "$old" ]; then
    before=$(awk -v f="$f" '$2 == f {print $1}' "$old")
    printf "%8d  %s  (was %s)\n" "$size" "$f" "${before:-?}"
  else
    printf "%8d  %s\n" "$size" "$f"
  fi
done
echo "== screen edition / reading (print) edition"
for dir in "$out"/*/*/; do
  stem="securite-collaborative-$(basename "$(dirname "$dir")")-$(basename "$dir")"
  reading=$(stat -c %s "$dir/$stem.pdf")
  screen=$(stat -c %s "$dir/$stem-screen.pdf")
  printf "%5.1f %%  %s\n" "$(echo "100 * $screen / $reading" | bc -l)" "$stem"
done
