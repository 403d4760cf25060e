#!/usr/bin/env bash
# Redraws the pictures of docs/ with livret itself: the user guide's first steps
# (`livret new my-guide`, `cd my-guide`, a build), then its picture commands, then each
# scheme's first printed side copied to docs/images/. The docs test checks these files
# match what livret draws.
# Usage: bash tools/docs-pictures.sh   (LIVRET=path/to/livret uses that binary)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
livret="${LIVRET:-}"
if [ -z "$livret" ]; then
  cargo build --quiet
  target="${CARGO_TARGET_DIR:-target}"
  case "$target" in /*) ;; *) target="$repo/$target" ;; esac
  livret="$target/debug/livret"
fi
top=$(mktemp -d)
trap 'rm -rf "$top"' EXIT
cd "$top"
"$livret" -q new my-guide --lang fr,bm,en --layout pocket-a6
work="$top/my-guide"
cd "$work"
"$livret" build -q --no-print --lang fr 2>/dev/null
grep -h '^livret .*--preview images/\|^livret new \.\./petit-zine\|^livret build --project \.\./petit-zine' \
  "$repo/docs/en/guide.md" | while read -r line; do
  "$livret" -q ${line#livret }
done
for scheme in saddle cutstack copies signatures zine; do
  cp "images/$scheme/side-1.png" "$repo/docs/images/$scheme-side-1.png"
done
# The cutstack job sheet: its French page for the French guide, its English one for
# the English guide.
cp images/cutstack/ticket-1.png "$repo/docs/images/cutstack-ticket-fr.png"
cp images/cutstack/ticket-2.png "$repo/docs/images/cutstack-ticket-en.png"
echo "docs/images/ redrawn"

# The job tickets' steps, copied into both guides between their markers.
python3 - "$work" "$repo" <<'PY'
import re, sys
work, repo = sys.argv[1], sys.argv[2]
for lang in ["fr", "en"]:
    path = f"{repo}/docs/{lang}/guide.md"
    doc = open(path, encoding="utf-8").read()
    for scheme in ["saddle", "cutstack", "copies", "signatures", "zine"]:
        ticket = open(f"{work}/{scheme}.txt", encoding="utf-8").read()
        french, english = ticket.split("\n----", 1)
        part = french if lang == "fr" else english
        steps = [l for l in part.splitlines() if re.match(r"^\d+\. ", l)]
        doc = re.sub(
            rf"<!-- steps:{scheme} -->\n.*?<!-- /steps -->",
            f"<!-- steps:{scheme} -->\n" + "\n".join(steps) + "\n<!-- /steps -->",
            doc,
            flags=re.S,
        )
    open(path, "w", encoding="utf-8").write(doc)
PY
echo "docs steps copied from the job tickets"

# The desk's rooms (docs/*/desk.md), screenshots taken by its browser tests.
cd "$repo"
LIVRET_DESK_SCREENSHOTS=1 cargo test --quiet --test it -- desk_browser >/dev/null
echo "docs/images/desk-*.png retaken"
