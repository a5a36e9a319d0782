# Shared helpers for the benchmark scripts (sourced, not run).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
JAR="$ROOT/target/hooklab.jar"
RUNS="${RUNS:-7}"
mkdir -p "$OUT"

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "bench: $1 is needed ($2)" >&2; exit 2; }
}

build_jar() {
  if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/src/main" -newer "$JAR" -print -quit)" ]; then
    (cd "$ROOT" && mvn -B -q -DskipTests package)
  fi
}

# median wall time (s) with hyperfine; prints the number
median_time() {
  local cmd="$1" json
  json="$(mktemp)"
  hyperfine --warmup 1 --runs "$RUNS" --export-json "$json" --style none -- "$cmd" >/dev/null
  python3 -c "import json,sys; print('%.3f' % json.load(open(sys.argv[1]))['results'][0]['median'])" "$json"
  rm -f "$json"
}

# median peak resident memory (MiB) over RUNS runs with GNU time
median_rss() {
  local cmd="$1" i values=() report
  report="$(mktemp)"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%M' -o "$report" bash -c "$cmd" >/dev/null 2>&1 || true
    values+=("$(tail -1 "$report")")
  done
  rm -f "$report"
  printf '%s\n' "${values[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f\n", a[int((NR+1)/2)]/1024}'
}

row() {  # name, command
  printf '| %s | %s s | %s MiB |\n' "$1" "$(median_time "$2")" "$(median_rss "$2")"
}

# the test classes with every test-scope dependency, for the benches' headless mains (built offline once compiled)
test_classpath() {
  (cd "$ROOT" && mvn -B -q -o test-compile) >&2
  local file="$OUT/test-classpath.txt"
  (cd "$ROOT" && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$file") >/dev/null
  echo "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$file")"
}
