#!/usr/bin/env bash
# Window start time: from the command to the hooklab window on screen (mapped on the X server), for
# `java -jar target/hooklab.jar DIR` and the packaged launcher `target/dist/hooklab/bin/hooklab DIR`
# (mvn -Pdist package), on the seed-story sample, under one Xvfb. Median of RUNS starts each.
# Usage: bench/window-start.sh        (needs xvfb-run and xwininfo: apt-get install xvfb x11-utils)
# Inside Xvfb already (DISPLAY set): runs the measurement itself.
source "$(dirname "$0")/lib.sh"
need xwininfo "apt-get install x11-utils"
if [ -z "${DISPLAY:-}" ]; then
  need xvfb-run "apt-get install xvfb"
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" "$@"
fi
build_jar
APP="$ROOT/target/dist/hooklab/bin/hooklab"
[ -x "$APP" ] || { echo "bench: build the app image first: mvn -Pdist package" >&2; exit 2; }
SAMPLE="$OUT/seed-story"
rm -rf "$SAMPLE" && java -jar "$JAR" sample seed-story "$SAMPLE" >/dev/null
STATE="$(mktemp -d)"
trap 'rm -rf "$STATE"' EXIT

# seconds from start until a top-level window named hooklab is mapped; the app is then ended
time_to_window() {
  local start end pid
  start=$(date +%s.%N)
  XDG_STATE_HOME="$STATE" "$@" "$SAMPLE" >/dev/null 2>&1 &
  pid=$!
  until xwininfo -root -tree 2>/dev/null | grep -q '"hooklab"'; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: the window never came up" >&2; return 1; }
    sleep 0.02
  done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "${STATE:?}"/*
  python3 -c "print('%.2f' % ($end - $start))"
}

median_start() {
  local values=() i
  time_to_window "$@" >/dev/null  # warm the page cache
  for i in $(seq "$RUNS"); do values+=("$(time_to_window "$@")"); done
  printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "## window start, $(nproc) cores, median of $RUNS ($(date -u +%Y-%m-%d))"
echo
echo "| command | to the window |"
echo "|---|---|"
echo "| java -jar target/hooklab.jar (JDK $(java -version 2>&1 | awk -F'"' 'NR==1{print $2}')) | $(median_start java -jar "$JAR") s |"
echo "| target/dist/hooklab/bin/hooklab (jlinked runtime) | $(median_start "$APP") s |"
