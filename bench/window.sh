#!/usr/bin/env bash
# The window with a 100,000-entry bundle (issue: the desktop window), headless under Monocle.
# Builds bench/out/100k.zip and bench/out/100k.tgz (100,000 tiny files in 1,000 folders, an appspec.yml, two
# hooks), then for each: `unzip -l` / `tar tzf` (best of 3), and the test-scope dev.hooklab.app.WindowBench, which
# opens the bundle in the window as the application builds it and prints, as medians of RUNS runs after a warm-up:
# the engine's listing alone, the engine's read + judge, open to the filled tree and plan on screen, that beyond
# the listing, the heap after opening (after a full GC), and the recompute after a deployment id change.
# Aims: under 1 s beyond the listing, heap under 300 MB, recompute under 100 ms.
# Needs: python3, unzip, tar, Maven and a JDK 17 (no display: Monocle is on the test class path).
# Usage: bench/window.sh   (RUNS=5 by default; HEAP="-Xmx..." to give the JVM a heap cap)
source "$(dirname "$0")/lib.sh"
need python3 "to generate the bundles"
need unzip "apt-get install unzip"
RUNS="${RUNS:-5}"
HEAP="${HEAP:-}"
ZIP="$OUT/100k.zip"
TGZ="$OUT/100k.tgz"
[ -f "$ZIP" ] || python3 "$ROOT/bench/make_bundles.py" zip100k "$ZIP"
[ -f "$TGZ" ] || python3 "$ROOT/bench/make_bundles.py" tgz100k "$TGZ"

CP="$ROOT/target/bench-classpath.txt"
(cd "$ROOT" && mvn -B -q test-compile) | sed 's/\x1b\[[0-9;]*m//g' >&2
if ! (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$CP" -Dmdep.includeScope=test) \
    >/dev/null 2>&1; then
  # offline without the dependency plugin: the compiler's own test class path, from Maven's debug output
  (cd "$ROOT" && mvn -B -o -X test-compile) | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | head -1 \
    | sed 's/, /:/g' > "$CP"
fi
[ -s "$CP" ] || { echo "bench: cannot build the test class path" >&2; exit 2; }
# a copy of the classes, so that a build during the run cannot pull them away
SNAP="$OUT/window-classes"
rm -rf "$SNAP" && mkdir -p "$SNAP" && cp -r "$ROOT/target/classes" "$ROOT/target/test-classes" "$SNAP/"
CLASSES="$SNAP/test-classes:$SNAP/classes:$(cat "$CP" | tr ':' '\n' | grep -v "^$ROOT/target/" | paste -sd:)"

best_of_3() {  # command: the best wall time of 3 runs, in ms
  local best="" t0 t1 ms i
  for i in 1 2 3; do
    t0=$(date +%s%N); bash -c "$1" >/dev/null 2>&1; t1=$(date +%s%N)
    ms=$(( (t1 - t0) / 1000000 ))
    if [ -z "$best" ] || [ "$ms" -lt "$best" ]; then best=$ms; fi
  done
  echo "$best"
}

echo "## The window with 100,000 entries, $(nproc) cores, medians of $RUNS runs ($(date -u +%Y-%m-%d))"
echo
echo "Listing tools (best of 3): \`unzip -l\` $(best_of_3 "unzip -l $ZIP") ms, \`tar tzf\` $(best_of_3 "tar tzf $TGZ") ms."
echo
java $HEAP -Druns="$RUNS" -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
  -Djava.awt.headless=true -Dheadless.geometry=1280x800-32 -cp "$CLASSES" 'dev.hooklab.app.WindowBench$Main' \
  "$ZIP" "$TGZ" 2> >(grep -v -e 'Unsupported JavaFX configuration' -e 'PlatformImpl startup' >&2)
