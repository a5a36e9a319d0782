#!/usr/bin/env bash
# The 200 MB hook in the window (issue 10, "Staying responsive"): a hook printing 2,000,000 lines of 100 bytes
# through a real step session into the console and the script details, headless under Monocle, against
# `hooklab run` of the same hook. The window side is the test-scope main ModelWindowBench: the run view's own
# RunModel (its relay batches the events) with the window's default run settings (isolation auto, a script's whole
# output kept on disk). It prints the step's wall time, the FX thread's longest stall (a runLater ping every 20 ms,
# and the gap between pulses of an AnimationTimer), the FX thread's CPU time, the peak heap used (sampled every
# 10 ms) and how much of the output is on disk. A small BeforeInstall hook runs first (JAVA_OPTS=-Dbench.cold=true:
# the flood is the first script shown). The CLI runs with isolation auto and keeps up to 1 GiB.
# Needs: Maven (offline is fine once built), a JDK 17, GNU time. Usage: bench/run-window.sh [LINES]
source "$(dirname "$0")/lib.sh"
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }
LINES="${1:-2000000}"
HEAP="${HEAP:--Xmx512m}"
[ -f "$JAR" ] && [ -z "$(find "$ROOT/src/main" -newer "$JAR" -print -quit)" ] || (cd "$ROOT" && mvn -B -q -o -DskipTests package)
CP="$(test_classpath)"
WORK="$OUT/window"
rm -rf "$WORK" && mkdir -p "$WORK"

echo "## ${LINES} lines of 100 bytes in one hook, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) ($(date -u +%Y-%m-%d))"
echo
echo "### In the window through RunModel (headless, Monocle), java $HEAP"
echo
/usr/bin/time -f '%e %M' -o "$WORK/time-window.txt" \
  java $HEAP ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -cp "$CP" dev.hooklab.ui.run.ModelWindowBench "$WORK/m" "$LINES" 2>"$WORK/model.err" \
  | grep '^|' || { tail -20 "$WORK/model.err" >&2; exit 1; }
read -r WSECS WKIB < "$WORK/time-window.txt"
echo "| whole process (JavaFX start, session, run, exit) | ${WSECS} s, peak RSS $((WKIB / 1024)) MiB |"
rm -rf "$WORK/m/sandbox"
echo

echo "### hooklab run of the same revision, java $HEAP"
echo
/usr/bin/time -f '%e %M' -o "$WORK/time-cli.txt" \
  java $HEAP -jar "$JAR" run --isolation auto --max-output-size 1g --sandbox "$WORK/c/sandbox" \
    "$WORK/m/rev" 2>&1 | grep -v '^    |' > "$WORK/cli.out" || true
read -r CSECS CKIB < "$WORK/time-cli.txt"
STEP="$(grep -oE 'AfterInstall +[a-z-]+ +\([0-9.]+ s\)' "$WORK/cli.out" | head -1 || true)"
SPILL="$(find "$WORK/c/sandbox" -path '*AfterInstall*' -name stdout.log -printf '%s\n' 2>/dev/null | head -1)"
echo "| measure | value |"
echo "|---|---|"
echo "| whole process (read, run every step, exit) | ${CSECS} s, peak RSS $((CKIB / 1024)) MiB |"
echo "| AfterInstall as the CLI reports it | ${STEP:-see $WORK/cli.out} |"
echo "| whole output on disk | ${SPILL:-?} bytes |"
rm -rf "$WORK"
