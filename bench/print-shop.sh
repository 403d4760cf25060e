#!/usr/bin/env bash
# Benchmark the flat schemes against pdfimpose's, on the same inputs: sheets used (read
# back with pdfinfo), items per sheet, and time (hyperfine).
#
#   cards: a two-sided 85 × 55 mm business card (2 pages), and the same card ten times
#          over (20 pages: what pdfimpose needs to fill a sheet with one card);
#   wire:  a 64-page A6 booklet, and 64 A5 pages, on A4.
#
# livret's `cards` repeats one item (a page, or a front and back pair) on its own sheet
# as many times as fit; pdfimpose's `cards` lays the pairs one after the other (flash
# cards), so one card fills one place of one sheet. Both are shown.
#
# Not run in CI. Usage: bash bench/print-shop.sh
# Environment: LIVRET (default: the release binary, built if missing; a debug binary is
# accepted and said in the results), RUNS (default 10). Needs hyperfine, pdfinfo, qpdf,
# python3 and pdfimpose (pip install pdfimpose).
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
RUNS=${RUNS:-10}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
LIVRET=${LIVRET:-$TARGET/release/livret}
if [ ! -x "$LIVRET" ]; then
  (cd "$ROOT" && cargo build --release --quiet)
fi
for tool in hyperfine pdfinfo qpdf python3 pdfimpose; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$BENCH/results"
results="$BENCH/results/print-shop.md"

# A PDF of N pages of W × H mm, page n showing its number (standard library only).
python3 - "$work" <<'PY'
import sys, zlib
work = sys.argv[1]
def pdf(path, n, w_mm, h_mm):
    w, h = w_mm * 72 / 25.4, h_mm * 72 / 25.4
    objs = ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for i in range(1, n + 1):
        c = zlib.compress(f"0 g BT /F1 {min(w, h) / 4:.1f} Tf {w / 4:.1f} {h / 3:.1f} Td (p{i}) Tj ET".encode())
        objs.append((c,))
        kids.append(len(objs))
    tree = len(objs) + n + 1
    pages = []
    for k in kids:
        objs.append(f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {w:.3f} {h:.3f}] /Resources << /Font << /F1 1 0 R >> >> /Contents {k} 0 R >>")
        pages.append(len(objs))
    objs.append("<< /Type /Pages /Kids [" + " ".join(f"{p} 0 R" for p in pages) + f"] /Count {n} >>")
    objs.append(f"<< /Type /Catalog /Pages {tree} 0 R >>")
    out, offs = bytearray(b"%PDF-1.7\n"), []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        if isinstance(o, tuple):
            out += f"{i} 0 obj\n<< /Length {len(o[0])} /Filter /FlateDecode >>\nstream\n".encode() + o[0] + b"\nendstream\nendobj\n"
        else:
            out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    x = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offs)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {len(objs)} 0 R >>\nstartxref\n{x}\n%%EOF\n".encode()
    open(f"{work}/{path}", "wb").write(out)
pdf("card.pdf", 2, 85, 55)
pdf("a6.pdf", 64, 105, 148)
pdf("a5.pdf", 64, 148, 210)
PY
qpdf --empty --pages $(for _ in $(seq 10); do printf '%s ' "$work/card.pdf"; done) -- "$work/card10.pdf"

# Output pages of a PDF.
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# Input pages shown on the first sheet side of a PDF (words p1, p2, … read back).
front() { pdftotext -f 1 -l 1 "$1" - | grep -c '^p[0-9]*$' || true; }

kind="release"
case "$LIVRET" in *debug*) kind="debug (unoptimised: times are an upper bound for livret)";; esac
{
  echo "# Flat schemes: livret against pdfimpose"
  echo
  echo "livret: \`$("$LIVRET" --version)\`, $kind build; pdfimpose $(pdfimpose --version 2>&1 | tail -1);"
  echo "$(date -u +%Y-%m-%d), $(nproc) cores. Sheets = output pages ÷ 2 (two-sided)."
  echo
  echo "| job | input | tool | sheets | pages on the first side (read back) |"
  echo "|---|---|---|---|---|"
} > "$results"

row() { # job input tool pdf
  local n; n=$(pages "$4")
  echo "| $1 | $2 | $3 | $(( (n + 1) / 2 )) | $(front "$4") |" >> "$results"
}

cd "$work"
"$LIVRET" -q impose card.pdf -o l-card.pdf --scheme cards --sheet a4
pdfimpose cards --format A4 -o p-card.pdf card.pdf >/dev/null 2>&1
pdfimpose cards --format A4 -o p-card10.pdf card10.pdf >/dev/null 2>&1
"$LIVRET" -q impose card10.pdf -o l-card10.pdf --scheme cards --sheet a4
"$LIVRET" -q impose a6.pdf -o l-a6.pdf --scheme wire --sheet a4
pdfimpose wire --format A4 -o p-a6.pdf a6.pdf >/dev/null 2>&1
"$LIVRET" -q impose a5.pdf -o l-a5.pdf --scheme wire --sheet a4
pdfimpose wire --format A4 -o p-a5.pdf a5.pdf >/dev/null 2>&1
row cards "business card, 2 pages" livret l-card.pdf
row cards "business card, 2 pages" pdfimpose p-card.pdf
row cards "the card ×10, 20 pages" livret l-card10.pdf
row cards "the card ×10, 20 pages" pdfimpose p-card10.pdf
row wire "64 A6 pages" livret l-a6.pdf
row wire "64 A6 pages" pdfimpose p-a6.pdf
row wire "64 A5 pages" livret l-a5.pdf
row wire "64 A5 pages" pdfimpose p-a5.pdf

{
  echo
  echo "livret's \`cards\` fills each sheet with one item (the 20-page input is ten items:"
  echo "ten sheets of ten, 100 cards); pdfimpose's lays the pairs one after the other"
  echo "(flash cards: one sheet of ten different cards). For one card in quantity, livret"
  echo "needs the card once; pdfimpose needs it repeated as many times as fit."
  echo
  echo "## Time"
} >> "$results"
hyperfine -N --warmup 2 --runs "$RUNS" --export-markdown time.md \
  -n "livret cards (card)" "$LIVRET -q impose card.pdf -o l-card.pdf --scheme cards --sheet a4" \
  -n "pdfimpose cards (card ×10)" "pdfimpose cards --format A4 -o p-card10.pdf card10.pdf" \
  -n "livret wire (64 A6)" "$LIVRET -q impose a6.pdf -o l-a6.pdf --scheme wire --sheet a4" \
  -n "pdfimpose wire (64 A6)" "pdfimpose wire --format A4 -o p-a6.pdf a6.pdf" >/dev/null
cat time.md >> "$results"
echo "wrote $results"
