#!/usr/bin/env bash
# Benchmark `livret impose` (the external-PDF backend, with its ticket, job sheet and ink)
# against pdfimpose (PyPI), side by side in one hyperfine run per input; medians, and
# the peak memory of one more run of each (GNU time).
#
# Not run in CI. Run from anywhere: bench/impose.sh   (results: bench/results/impose.md)
#
# Inputs:
#   gen-100  100 A5 pages (bench/gen/gen_pdf.py, Helvetica text), saddle on A4;
#   real     a real manual of 500+ pages: REAL_PDF, else the memoir class manual
#            (memman.pdf, 615 Letter pages, pdfTeX, from Debian's
#            texlive-latex-recommended-doc, installed if missing), saddle on A3 with
#            --fit shrink (two Letter pages do not fit an A3 side unscaled).
# pdfimpose imposes the same files with `saddle --signature 2x1` (two pages a side).
#
# Targets (issue 20): 100 pages ≥ 50× pdfimpose; the real manual ≥ 10× pdfimpose in
# ≤ 100 MB peak, ticket, job sheet and ink included. The table says whether they hold.
#
# Environment:
#   CARGO_TARGET_DIR  where the release `livret` is (default: target/), built if missing
#   LIVRET            the livret binary to time (default: $CARGO_TARGET_DIR/release/livret)
#   BASELINE          another livret binary timed beside it (e.g. a build of main)
#   RUNS / REAL_RUNS  hyperfine runs per command (default 20 / 5)
#   REAL_PDF          the real-world input to use
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
OUT="$BENCH/out"
RESULTS="$BENCH/results"
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
LIVRET=${LIVRET:-$TARGET/release/livret}
BASELINE=${BASELINE:-}
RUNS=${RUNS:-20}
REAL_RUNS=${REAL_RUNS:-5}
mkdir -p "$OUT" "$RESULTS"

note() { printf '== %s\n' "$*" >&2; }

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

# --- tools -------------------------------------------------------------------------------

command -v hyperfine >/dev/null || apt_install hyperfine
[ -x /usr/bin/time ] || apt_install time
command -v pdfinfo >/dev/null || apt_install poppler-utils
if [ ! -x "$LIVRET" ]; then
    note "building livret (release)"
    (cd "$ROOT" && cargo build --release --bin livret)
fi
PDFIMPOSE=$(command -v pdfimpose || true)
if [ -z "$PDFIMPOSE" ]; then
    VENV="$BENCH/.venv"
    if [ ! -x "$VENV/bin/pdfimpose" ]; then
        note "installing pdfimpose into bench/.venv"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q pdfimpose
    fi
    PDFIMPOSE="$VENV/bin/pdfimpose"
fi

# --- inputs ------------------------------------------------------------------------------

GEN="$OUT/gen-100.pdf"
[ -s "$GEN" ] || python3 "$BENCH/gen/gen_pdf.py" 100 "$GEN"
REAL=${REAL_PDF:-}
if [ -z "$REAL" ]; then
    MEMMAN=/usr/share/doc/texlive-doc/latex/memoir/memman.pdf
    [ -s "$MEMMAN" ] || apt_install texlive-latex-recommended-doc || true
    [ -s "$MEMMAN" ] && REAL=$MEMMAN
fi
INPUTS=("gen-100|$GEN|a4|")
if [ -n "$REAL" ]; then
    cp -f "$REAL" "$OUT/real.pdf"
    INPUTS+=("real|$OUT/real.pdf|a3|--fit shrink")
else
    note "no real manual: set REAL_PDF or install texlive-latex-recommended-doc"
fi

# --- runs --------------------------------------------------------------------------------

# livret keeps page inks by the PDF's content between runs: `livret` runs with that
# cache warm (as when a shop imposes one PDF again on another sheet or scheme), and
# `livret-cold` with it emptied before every run (a PDF never seen).
WARM="$OUT/cache-warm"
COLD="$OUT/cache-cold"

# The command of tool $1 on input $2 to $3, sheet $4, extra options $5.
command_for() {
    local tool=$1 in=$2 out=$3 sheet=$4 extra=$5
    local args="impose $in -o $out --scheme saddle --sheet $sheet $extra"
    case $tool in
        livret) echo "env LIVRET_CACHE_DIR=$WARM $LIVRET $args" ;;
        livret-cold) echo "env LIVRET_CACHE_DIR=$COLD $LIVRET $args" ;;
        baseline) echo "env LIVRET_CACHE_DIR=$COLD $BASELINE $args" ;;
        pdfimpose) echo "$PDFIMPOSE saddle --signature 2x1 $in --output $out" ;;
    esac
}

# What runs before each timed run of tool $1.
prepare_for() {
    case $1 in
        livret-cold | baseline) echo "rm -rf $COLD" ;;
        *) echo "true" ;;
    esac
}

TOOLS=(livret livret-cold pdfimpose)
[ -n "$BASELINE" ] && TOOLS=(livret livret-cold baseline pdfimpose)
TSV="$OUT/impose.tsv"
printf 'input\tpages\ttool\tmedian_s\tmean_s\tstddev_s\tpeak_kb\tout_bytes\n' >"$TSV"
for entry in "${INPUTS[@]}"; do
    IFS='|' read -r name in sheet extra <<<"$entry"
    pages=$(pdfinfo "$in" | awk '/^Pages:/ {print $2}')
    runs=$RUNS
    [ "$name" = real ] && runs=$REAL_RUNS
    args=()
    for tool in "${TOOLS[@]}"; do
        args+=(-n "$tool" --prepare "$(prepare_for "$tool")")
        args+=("$(command_for "$tool" "$in" "$OUT/$name-$tool.pdf" "$sheet" "$extra")")
    done
    note "$name ($pages pages): ${TOOLS[*]}"
    hyperfine -N --warmup 1 --runs "$runs" --export-json "$OUT/$name.json" "${args[@]}" >&2
    for tool in "${TOOLS[@]}"; do
        o="$OUT/$name-$tool.pdf"
        cmd=$(command_for "$tool" "$in" "$o" "$sheet" "$extra")
        $(prepare_for "$tool")
        # shellcheck disable=SC2086
        peak=$(/usr/bin/time -v $cmd 2>&1 >/dev/null | awk '/Maximum resident set size/ {print $6}')
        python3 - "$OUT/$name.json" "$tool" "$name" "$pages" "$peak" "$(stat -c %s "$o")" >>"$TSV" <<'PY'
import json, sys
path, tool, name, pages, peak, out_bytes = sys.argv[1:]
for r in json.load(open(path))["results"]:
    if r["command"] == tool:
        print("\t".join([name, pages, tool, f"{r['median']:.6f}", f"{r['mean']:.6f}",
                         f"{r['stddev'] or 0:.6f}", peak, out_bytes]))
PY
    done
done

# --- table -------------------------------------------------------------------------------

{
    echo "# livret impose against pdfimpose"
    echo
    echo "Made by \`bench/impose.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores"
    echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), medians of one"
    echo "hyperfine run per input (RUNS=$RUNS, REAL_RUNS=$REAL_RUNS); peak memory from one more run."
    echo "livret writes its sheets, ticket (.txt), job sheet (-ticket.pdf) and measures the ink"
    echo "of every side; pdfimpose writes the sheets. \`livret\` runs with its page-ink cache"
    echo "warm (the PDF imposed before), \`livret-cold\` with it emptied before each run."
    [ -n "$BASELINE" ] && echo "\`baseline\` is $BASELINE."
    echo
    python3 - "$TSV" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
peer = {r["input"]: float(r["median_s"]) for r in rows if r["tool"] == "pdfimpose"}
target = {"gen-100": 50.0, "real": 10.0}
print("| input | pages | tool | median | mean ± σ | pdfimpose ÷ tool | peak memory | output |")
print("|---|---:|---|---:|---:|---:|---:|---:|")
for r in rows:
    med, mean, sd = float(r["median_s"]), float(r["mean_s"]), float(r["stddev_s"])
    ratio = peer[r["input"]] / med if med else float("nan")
    ms = lambda s: f"{s * 1000:.1f} ms"
    print(f"| {r['input']} | {r['pages']} | {r['tool']} | {ms(med)} | {ms(mean)} ± {ms(sd)} | "
          f"{ratio:.1f}× | {int(r['peak_kb']) / 1024:.1f} MB | {int(r['out_bytes']) / 1e6:.2f} MB |")
print()
for r in rows:
    if not r["tool"].startswith("livret"):
        continue
    ratio = peer[r["input"]] / float(r["median_s"])
    need = target.get(r["input"])
    mem = int(r["peak_kb"]) / 1024
    ok = ratio >= need and (r["input"] != "real" or mem <= 100)
    extra = f" in ≤ 100 MB (peak {mem:.1f} MB)" if r["input"] == "real" else ""
    print(f"- {r['input']}, {r['tool']}: {ratio:.1f}× pdfimpose, target ≥ {need:.0f}×{extra}: "
          f"{'met' if ok else 'NOT met'}")
PY
} >"$RESULTS/impose.md"
cat "$RESULTS/impose.md"
