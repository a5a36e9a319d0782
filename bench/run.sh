#!/usr/bin/env bash
# Hook-running benchmarks (issue: run the hooks the way the agent does).
#  1. 200 trivial hooks: hooklab run vs the same scripts in a plain bash loop (per-hook overhead)
#  2. one hook printing 200 MB: hooklab run vs `bash script > file` (and hooklab with -Xmx256m)
# Usage: bench/run.sh   (RUNS=5 by default)
RUNS="${RUNS:-5}"
source "$(dirname "$0")/lib.sh"
need hyperfine "apt-get install hyperfine"
build_jar

make_revision() {  # dir, number of hooks, body
  local dir="$1" n="$2" body="$3"
  rm -rf "$dir" && mkdir -p "$dir/scripts"
  {
    echo "version: 0.0"; echo "os: linux"; echo "hooks:"; echo "  AfterInstall:"
    for i in $(seq "$n"); do echo "    - location: scripts/h$i.sh"; echo "      timeout: 60"; done
  } > "$dir/appspec.yml"
  for i in $(seq "$n"); do printf '#!/bin/bash\n%s\n' "$body" > "$dir/scripts/h$i.sh"; chmod +x "$dir/scripts/h$i.sh"; done
}

make_revision "$OUT/hooks1" 1 "true"
make_revision "$OUT/hooks200" 200 "true"
make_revision "$OUT/print200m" 1 "head -c 209715200 /dev/zero | tr '\\\\0' 'x' | fold -w 99"

RUN="java -jar $JAR run --events AfterInstall --format json"
echo "## hooklab run, $(nproc) cores, $RUNS runs each, medians ($(date -u +%Y-%m-%d))"
echo
echo "| command | wall time | peak memory |"
echo "|---|---|---|"
for iso in none bwrap; do
  if [ "$iso" = bwrap ] && ! command -v bwrap >/dev/null; then continue; fi
  t1=$(median_time "$RUN --isolation $iso $OUT/hooks1 > /dev/null")
  t200=$(median_time "$RUN --isolation $iso $OUT/hooks200 > /dev/null")
  printf '| hooklab run, 1 hook, isolation %s | %s s | |\n' "$iso" "$t1"
  printf '| hooklab run, 200 hooks, isolation %s | %s s | %s MiB |\n' "$iso" "$t200" \
    "$(median_rss "$RUN --isolation $iso $OUT/hooks200")"
  echo "PER_HOOK_$iso=$(python3 -c "print('%.1f' % ((float('$t200') - float('$t1')) / 199 * 1000))")" >> "$OUT/run-extra.txt"
done
tb=$(median_time "for f in $OUT/hooks200/scripts/*.sh; do \$f; done")
printf '| plain bash loop, 200 hooks | %s s | |\n' "$tb"
row "hooklab run, one hook printing 200 MB (isolation none)" "$RUN --isolation none $OUT/print200m"
row "hooklab run, same, java -Xmx256m" "java -Xmx256m -jar $JAR run --events AfterInstall --format json --isolation none $OUT/print200m"
row "bash script > file, 200 MB" "$OUT/print200m/scripts/h1.sh > $OUT/print200m.out"
echo
echo "Per-hook overhead (200 hooks minus 1 hook, per extra hook), bash loop per hook: $(python3 -c "print('%.1f' % (float('$tb') / 200 * 1000))") ms"
cat "$OUT/run-extra.txt"; rm -f "$OUT/run-extra.txt"
