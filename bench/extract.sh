#!/usr/bin/env bash
# Times hooklab's extraction against unzip -q and tar xzf on a ~500 MB / 20,000-file zip and tgz
# (JVM start included), several runs each, and reports medians and peak memory. Not a test.
#
#   bench/extract.sh [RUNS]          # from anywhere; RUNS defaults to 5
#
# hooklab's side is the bench-only entry point in test scope (listing + extraction, as a command would do):
#   java -cp target/hooklab.jar:target/test-classes dev.hooklab.bundle.extract.ExtractBench BUNDLE ARCHIVE_DIR [THREADS]
# The bundles are made once by bench/make_bundles.py under bench/out/ (gitignored). Every run extracts into a
# folder of its own, kept until the end: ext4 skips inodes freed in the last 35 s when it allocates new ones, so
# a run right after deleting the previous run's 20,000 files is several times slower, whatever the tool. For the
# same reason the script waits 40 s after clearing older outputs, and runs `sync` before each run. It needs about
# 0.5 GB of disk per run (RUNS + 1 runs for each of the four commands, plus one more each for peak memory).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
OUT=bench/out
mkdir -p "$OUT"
if compgen -G "$OUT/x.*" > /dev/null; then
  rm -rf "$OUT"/x.*
  sleep 40
fi
FRESH="d=\$(mktemp -d $OUT/x.XXXXXX) &&"

[ -f "$OUT/b500m.zip" ] || python3 bench/make_bundles.py zip500m "$OUT/b500m.zip"
[ -f "$OUT/b500m.tgz" ] || python3 bench/make_bundles.py tgz500m "$OUT/b500m.tgz"
if [ ! -f target/hooklab.jar ] || [ ! -f target/test-classes/dev/hooklab/bundle/extract/ExtractBench.class ]; then
  mvn -B -q package -DskipTests
fi
HOOKLAB="java -cp target/hooklab.jar:target/test-classes dev.hooklab.bundle.extract.ExtractBench"

hyperfine --style basic --warmup 1 --runs "$RUNS" --prepare sync --export-json "$OUT/extract.json" \
  -n "unzip -q" "$FRESH unzip -q $OUT/b500m.zip -d \$d" \
  -n "hooklab zip" "$FRESH $HOOKLAB $OUT/b500m.zip \$d/a" \
  -n "tar xzf" "$FRESH tar xzf $OUT/b500m.tgz -C \$d" \
  -n "hooklab tgz" "$FRESH $HOOKLAB $OUT/b500m.tgz \$d/a"

peak() { # name, command...: peak resident memory of one run; the last argument is where it writes
  local name=$1; shift
  sync
  /usr/bin/time -f "%M" -o "$OUT/peak.txt" "$@" 2>/dev/null
  printf '%s\t%s\n' "$name" "$(tail -1 "$OUT/peak.txt")"
}
{
  peak "unzip -q" unzip -q "$OUT/b500m.zip" -d "$(mktemp -d $OUT/x.XXXXXX)"
  peak "hooklab zip" $HOOKLAB "$OUT/b500m.zip" "$(mktemp -d $OUT/x.XXXXXX)/a"
  peak "tar xzf" tar xzf "$OUT/b500m.tgz" -C "$(mktemp -d $OUT/x.XXXXXX)"
  peak "hooklab tgz" $HOOKLAB "$OUT/b500m.tgz" "$(mktemp -d $OUT/x.XXXXXX)/a"
} > "$OUT/peak.tsv"

python3 - "$OUT/extract.json" "$OUT/peak.tsv" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["results"]
peak = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2]))
print(f"\n{'command':<14}{'median s':>10}{'min s':>8}{'max s':>8}{'user s':>8}{'sys s':>8}{'peak MB':>10}")
for r in runs:
    print(f"{r['command']:<14}{r['median']:>10.2f}{r['min']:>8.2f}{r['max']:>8.2f}{r['user']:>8.2f}{r['system']:>8.2f}"
          f"{int(peak[r['command']]) / 1024:>10.0f}")
PY
echo "outputs kept in $OUT/x.* until the next run of this script (deleting them now would slow whatever runs next)"
