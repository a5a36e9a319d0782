#!/usr/bin/env bash
# Times hooklab's extraction against unzip -q and tar xzf on a ~500 MB / 20,000-file zip and tgz
# (JVM start included), several runs each, and reports medians and peak memory. Not a test.
#
#   bench/extract.sh [RUNS]          # from anywhere; RUNS defaults to 5
#
# hooklab's side is the bench-only entry point in test scope (listing + extraction, as a command would do):
#   java -cp target/hooklab.jar:target/test-classes dev.hooklab.bundle.ExtractBench BUNDLE ARCHIVE_DIR [THREADS]
# The bundles are made once by bench/make_bundles.py under bench/out/ (gitignored); each run extracts into a
# fresh folder after `sync`, so that writing back the previous run's files does not slow the next one.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out
X=$OUT/x
mkdir -p "$OUT"

[ -f "$OUT/b500m.zip" ] || python3 bench/make_bundles.py zip500m "$OUT/b500m.zip"
[ -f "$OUT/b500m.tgz" ] || python3 bench/make_bundles.py tgz500m "$OUT/b500m.tgz"
if [ ! -f target/hooklab.jar ] || [ ! -f target/test-classes/dev/hooklab/bundle/ExtractBench.class ]; then
  mvn -B -q package -DskipTests
fi
HOOKLAB="java -cp target/hooklab.jar:target/test-classes dev.hooklab.bundle.ExtractBench"

hyperfine --style basic --warmup 1 --runs "$RUNS" --prepare "rm -rf $X && mkdir -p $X && sync" \
  --export-json "$OUT/extract.json" \
  -n "unzip -q" "unzip -q $OUT/b500m.zip -d $X" \
  -n "hooklab zip" "$HOOKLAB $OUT/b500m.zip $X/a" \
  -n "tar xzf" "tar xzf $OUT/b500m.tgz -C $X" \
  -n "hooklab tgz" "$HOOKLAB $OUT/b500m.tgz $X/a"

peak() { # name, command...: peak resident memory of one run
  local name=$1; shift
  rm -rf "$X" && mkdir -p "$X" && sync
  /usr/bin/time -f "%M" -o "$OUT/peak.txt" "$@" 2>/dev/null
  printf '%s\t%s\n' "$name" "$(tail -1 "$OUT/peak.txt")"
}
{
  peak "unzip -q" unzip -q "$OUT/b500m.zip" -d "$X"
  peak "hooklab zip" $HOOKLAB "$OUT/b500m.zip" "$X/a"
  peak "tar xzf" tar xzf "$OUT/b500m.tgz" -C "$X"
  peak "hooklab tgz" $HOOKLAB "$OUT/b500m.tgz" "$X/a"
} > "$OUT/peak.tsv"
rm -rf "$X"

python3 - "$OUT/extract.json" "$OUT/peak.tsv" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
peak = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2]))
print(f"\n{'command':<14}{'median s':>10}{'min s':>8}{'max s':>8}{'peak MB':>10}")
for r in runs:
    print(f"{r['command']:<14}{r['median']:>10.2f}{r['min']:>8.2f}{r['max']:>8.2f}{int(peak[r['command']]) / 1024:>10.0f}")
PY
