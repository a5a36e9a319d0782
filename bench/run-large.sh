#!/usr/bin/env bash
# A 200,000-entry bundle through `hooklab run` (issue: bound memory for any entry count).
# Builds bench/out/zip200k.zip (200,000 tiny files in 1,000 folders, an appspec.yml copying them all to
# /var/app/current, two trivial hooks), then measures once each, with GNU time (wall time, peak memory):
#   hooklab run --isolation none (default heap, then HEAP=-Xmx512m), with its DownloadBundle and Install times;
#   unzip -q, cp -a and rm -rf of the same tree (what DownloadBundle, Install and removing the sandbox do).
# Needs: python3, unzip, GNU time (/usr/bin/time), Maven and a JDK 17 to build the jar.
# Usage: bench/run-large.sh   (one run each: a run takes minutes on a slow disk; RUNS is not used)
source "$(dirname "$0")/lib.sh"
need python3 "apt-get install python3"
need unzip "apt-get install unzip"
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (apt-get install time)" >&2; exit 2; }
HEAP="${HEAP:--Xmx512m}"
build_jar

ZIP="$OUT/zip200k.zip"
[ -f "$ZIP" ] || python3 "$ROOT/bench/make_bundles.py" zip200k "$ZIP"
WORK="$OUT/large"
rm -rf "$WORK" && mkdir -p "$WORK"

timed() {  # name, command: one run; prints a table row, keeps the command's output in $WORK/last.out
  local name="$1" cmd="$2" report="$WORK/time.txt"
  /usr/bin/time -f '%e %M' -o "$report" bash -c "$cmd" > "$WORK/last.out" 2>&1 || true
  read -r secs kib < <(tail -1 "$report")
  printf '| %s | %s s | %s MiB |\n' "$name" "$secs" "$((kib / 1024))"
}

steps() {  # the DownloadBundle and Install times hooklab printed
  grep -oE '^  (DownloadBundle|Install) succeeded  \([0-9.]+ s\)' "$WORK/last.out" | tr '\n' ' ' || true
}

echo "## 200,000-entry zip ($(du -m "$ZIP" | cut -f1) MB), $(nproc) cores, one run each ($(date -u +%Y-%m-%d))"
echo
echo "| command | wall time | peak memory |"
echo "|---|---|---|"
timed "hooklab run --isolation none (temporary sandbox, removed)" \
  "java -jar $JAR run --isolation none $ZIP"
HOOKLAB_STEPS="$(steps)"
timed "java $HEAP -jar hooklab.jar run, same" "java $HEAP -jar $JAR run --isolation none $ZIP"
HEAP_STEPS="$(steps)"
timed "unzip -q" "unzip -q $ZIP -d $WORK/a"
timed "cp -a of the unzipped tree" "cp -a $WORK/a $WORK/b"
timed "rm -rf of both trees" "rm -rf $WORK/a $WORK/b"
echo
echo "hooklab steps (default heap): $HOOKLAB_STEPS"
echo "hooklab steps ($HEAP): $HEAP_STEPS"
rm -rf "$WORK"
