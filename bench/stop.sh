#!/usr/bin/env bash
# Stop in the window (issue 10, "Staying responsive": Stop ends the hook and everything it started within 2 seconds,
# and the step shows stopped). A hook traps SIGTERM and leaves a background child; the run view's own RunModel runs it
# under bubblewrap with the window's default limits; the test-scope main StopBench presses Stop and times how long
# until the step shows stopped and until no process of the hook is left (read from /proc), over several rounds.
# Needs: Maven (offline is fine once built), a JDK 17, bubblewrap. Usage: bench/stop.sh [ROUNDS] [bwrap|none]
source "$(dirname "$0")/lib.sh"
ROUNDS="${1:-5}"
ISOLATION="${2:-bwrap}"
CP="$(test_classpath)"
WORK="$OUT/stop"
rm -rf "$WORK" && mkdir -p "$WORK"
echo "## Stop on a hook that ignores SIGTERM, isolation ${ISOLATION}, ${ROUNDS} rounds, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg) ($(date -u +%Y-%m-%d))"
echo
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
  -cp "$CP" dev.hooklab.ui.run.StopBench "$WORK" "$ROUNDS" "$ISOLATION" 2>"$WORK/stop.err" | grep '^|' \
  || { tail -20 "$WORK/stop.err" >&2; exit 1; }
rm -rf "$WORK"
