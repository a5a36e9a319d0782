#!/usr/bin/env bash
# Listing benchmark (issue: the engine and the command line).
# Compares `hooklab inspect` with `hooklab --version` (a bare JVM start), `unzip -Z1` and `tar tzf`.
# Usage: bench/inspect.sh            (RUNS=7 by default; generated bundles are kept in bench/out)
source "$(dirname "$0")/lib.sh"
need hyperfine "apt-get install hyperfine"
need unzip "apt-get install unzip"
need python3 "to generate the bundles"
build_jar
[ -f "$OUT/100k.zip" ] || python3 "$ROOT/bench/make_bundles.py" zip100k "$OUT/100k.zip"
[ -f "$OUT/1g.tgz" ] || python3 "$ROOT/bench/make_bundles.py" tgz1g "$OUT/1g.tgz"
[ -f "$OUT/1g-text.tgz" ] || python3 "$ROOT/bench/make_bundles.py" tgz1g-text "$OUT/1g-text.tgz"

echo "## hooklab inspect, $(nproc) cores, $RUNS runs each, medians ($(date -u +%Y-%m-%d))"
echo
echo "| command | wall time | peak memory |"
echo "|---|---|---|"
row "hooklab --version (JVM start)" "java -jar $JAR --version"
row "hooklab inspect 100k-entry zip" "java -jar $JAR inspect $OUT/100k.zip --format json -o /dev/null"
row "unzip -Z1 100k-entry zip" "unzip -Z1 $OUT/100k.zip"
row "hooklab inspect 1 GiB tgz (random payload)" "java -jar $JAR inspect $OUT/1g.tgz --format json -o /dev/null"
row "tar tzf 1 GiB tgz (random payload)" "tar tzf $OUT/1g.tgz"
row "hooklab inspect tgz of 1 GiB text (495 MiB)" "java -jar $JAR inspect $OUT/1g-text.tgz --format json -o /dev/null"
row "tar tzf tgz of 1 GiB text (495 MiB)" "tar tzf $OUT/1g-text.tgz"
