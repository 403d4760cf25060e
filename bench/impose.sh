#!/usr/bin/env bash
# Benchmark `livret impose` (the external-PDF backend) against its peers, side by side:
#   pdfimpose saddle (PyPI), pdfjam --booklet (TeX Live), imposer (crates.io).
#
# Not run in CI. Run from anywhere: bench/impose.sh
# On first use it installs what is missing (as root, with apt-get / pip / cargo):
#   hyperfine, GNU time, qpdf, poppler-utils, pdfjam (texlive-extra-utils + pdfpages);
#   pdfimpose into bench/.venv; imposer into bench/.tools (skipped with a note if it fails
#   to build); octave-doc for the real-world input.
#
# Inputs: generated PDFs of 16, 100 and 1000 A5 pages (bench/gen/gen_pdf.py, Helvetica text)
# and a large real PDF with embedded fonts and an image (the GNU Octave manual, 1158 Letter
# pages, from Debian's octave-doc; else REAL_PDF; else the sample guide's PDFs concatenated
# with qpdf to 500+ pages).
#
# Output: bench/out/results.md (time, peak memory, output/input size per tool and input),
# plus hyperfine's JSON per input. Environment:
#   CARGO_TARGET_DIR  where the release `livret` is (default: target/), built if missing
#   LIVRET_CMD        benchmark this command template instead of the CLI ({in}, {out},
#                     {fit}: `--fit shrink` for the Letter-sized real input, else empty)
#   SIZES             generated page counts (default "16 100 1000")
#   RUNS / REAL_RUNS  hyperfine runs per command (default 10 / 3)
#   REAL_PDF          the real-world input to use
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
LIVRET_BIN="$TARGET/release/livret"
SIZES=${SIZES:-"16 100 1000"}
RUNS=${RUNS:-10}
REAL_RUNS=${REAL_RUNS:-3}
mkdir -p "$OUT"

note() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------

APT_UPDATED=
apt_install() {
    if [ "$(id -u)" != 0 ]; then
        note "cannot install $* (not root): install it and run again"
        return 1
    fi
    if [ -z "$APT_UPDATED" ]; then
        apt-get update -qq
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
command -v qpdf >/dev/null || apt_install qpdf
command -v pdfinfo >/dev/null || apt_install poppler-utils
if ! command -v pdfjam >/dev/null || ! kpsewhich pdfpages.sty >/dev/null 2>&1; then
    apt_install texlive-extra-utils texlive-latex-recommended || true
fi

if [ -z "${LIVRET_CMD:-}" ]; then
    if [ ! -x "$LIVRET_BIN" ]; then
        note "building livret (release)"
        (cd "$ROOT" && cargo build --release --bin livret)
    fi
fi

VENV="$BENCH/.venv"
if [ ! -x "$VENV/bin/pdfimpose" ]; then
    note "installing pdfimpose into bench/.venv"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q pdfimpose
fi

TOOLS="$BENCH/.tools"
IMPOSER="$TOOLS/bin/imposer"
IMPOSER_NOTE=
if [ ! -x "$IMPOSER" ]; then
    note "installing imposer into bench/.tools (cargo install)"
    if ! cargo install imposer --locked --root "$TOOLS" --target-dir "$TOOLS/target" >&2; then
        IMPOSER_NOTE="imposer skipped: \`cargo install imposer\` failed on this toolchain"
        note "$IMPOSER_NOTE"
    fi
    rm -rf "$TOOLS/target"
fi

# --- inputs ------------------------------------------------------------------------------

INPUTS=()
for n in $SIZES; do
    f="$OUT/gen-$n.pdf"
    [ -s "$f" ] || python3 "$BENCH/gen/gen_pdf.py" "$n" "$f"
    INPUTS+=("$f")
done

REAL=${REAL_PDF:-}
if [ -z "$REAL" ]; then
    OCTAVE=/usr/share/doc/octave/octave.pdf
    [ -s "$OCTAVE" ] || [ -s "$OCTAVE.gz" ] || apt_install octave-doc || true
    if [ -s "$OCTAVE.gz" ] && [ ! -s "$OCTAVE" ]; then
        gunzip -c "$OCTAVE.gz" >"$OUT/octave.pdf" && REAL="$OUT/octave.pdf"
    elif [ -s "$OCTAVE" ]; then
        REAL=$OCTAVE
    fi
fi
if [ -z "$REAL" ]; then
    # Fall back to the sample guide's own PDFs, repeated to 500+ pages.
    mapfile -t GUIDE < <(find "$ROOT/out" -name '*.pdf' 2>/dev/null | sort | head -20)
    if [ "${#GUIDE[@]}" -gt 0 ]; then
        REAL="$OUT/guide-concat.pdf"
        list=()
        pages=0
        while [ "$pages" -lt 500 ]; do
            for g in "${GUIDE[@]}"; do
                list+=("$g")
                pages=$((pages + $(pdfinfo "$g" | awk '/^Pages:/ {print $2}')))
            done
        done
        qpdf --empty --pages "${list[@]}" -- "$REAL"
    else
        note "no real-world PDF (install octave-doc, set REAL_PDF, or run livret build first)"
    fi
fi
if [ -n "$REAL" ]; then
    cp -f "$REAL" "$OUT/real.pdf" 2>/dev/null || true
    INPUTS+=("$OUT/real.pdf")
fi

# --- commands ----------------------------------------------------------------------------

# The command line of tool $1 on input $2 writing $3.
command_for() {
    local tool=$1 in=$2 out=$3 fit=
    # Letter pages do not fit two to an A4 side: let livret shrink them like the others do.
    if [ "$(basename "$in")" = real.pdf ]; then fit="--fit shrink"; fi
    case $tool in
        livret)
            if [ -n "${LIVRET_CMD:-}" ]; then
                local cmd=${LIVRET_CMD//\{in\}/$in}
                cmd=${cmd//\{fit\}/$fit}
                echo "${cmd//\{out\}/$out}"
            else
                echo "$LIVRET_BIN impose $in -o $out --scheme saddle --sheet a4 $fit"
            fi
            ;;
        pdfimpose) echo "$VENV/bin/pdfimpose saddle --signature 2x1 $in --output $out" ;;
        pdfjam) echo "pdfjam --quiet --booklet true --landscape --a4paper --outfile $out $in" ;;
        imposer) echo "$IMPOSER -i $in -o $out -p a4 -n 2" ;;
    esac
}

TOOLS_RUN=(livret pdfimpose)
command -v pdfjam >/dev/null && TOOLS_RUN+=(pdfjam)
[ -x "$IMPOSER" ] && TOOLS_RUN+=(imposer)

RESULTS="$OUT/results.tsv"
printf 'input\tpages\tin_bytes\ttool\tmean_s\tstddev_s\tpeak_kb\tout_bytes\n' >"$RESULTS"
for in in "${INPUTS[@]}"; do
    name=$(basename "$in" .pdf)
    pages=$(pdfinfo "$in" | awk '/^Pages:/ {print $2}')
    runs=$RUNS
    [ "$name" = real ] && runs=$REAL_RUNS
    args=()
    for tool in "${TOOLS_RUN[@]}"; do
        args+=(-n "$tool" "$(command_for "$tool" "$in" "$OUT/$name-$tool.pdf")")
    done
    note "$name ($pages pages): ${TOOLS_RUN[*]}"
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$OUT/$name.json" "${args[@]}" >&2
    for tool in "${TOOLS_RUN[@]}"; do
        o="$OUT/$name-$tool.pdf"
        peak=$( { /usr/bin/time -f '%M' sh -c "$(command_for "$tool" "$in" "$o") >/dev/null 2>&1"; } 2>&1 | tail -1)
        python3 - "$OUT/$name.json" "$tool" "$name" "$pages" "$(stat -c %s "$in")" "$peak" "$(stat -c %s "$o" 2>/dev/null || echo 0)" >>"$RESULTS" <<'PY'
import json, sys
path, tool, name, pages, in_bytes, peak, out_bytes = sys.argv[1:]
for r in json.load(open(path))["results"]:
    if r["command"] == tool:
        print("\t".join([name, pages, in_bytes, tool, f"{r['mean']:.6f}", f"{r['stddev'] or 0:.6f}", peak, out_bytes]))
PY
    done
done

# --- table -------------------------------------------------------------------------------

python3 - "$RESULTS" "$IMPOSER_NOTE" >"$OUT/results.md" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
note = sys.argv[2]
print("| input | pages | tool | time (mean ± σ) | × livret | peak memory | output / input |")
print("|---|---:|---|---:|---:|---:|---:|")
base = {r["input"]: float(r["mean_s"]) for r in rows if r["tool"] == "livret"}
for r in rows:
    mean, sd = float(r["mean_s"]), float(r["stddev_s"])
    ratio = mean / base[r["input"]] if base.get(r["input"]) else float("nan")
    size = int(r["out_bytes"]) / int(r["in_bytes"]) if int(r["in_bytes"]) else 0
    fmt = (lambda s: f"{s * 1000:.1f} ms") if mean < 10 else (lambda s: f"{s:.2f} s")
    print(f"| {r['input']} | {r['pages']} | {r['tool']} | {fmt(mean)} ± {fmt(sd)} | "
          f"{ratio:.1f}× | {int(r['peak_kb']) / 1024:.1f} MB | {size:.2f} |")
if note:
    print(f"\n{note}")
PY
cat "$OUT/results.md"
