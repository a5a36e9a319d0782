#!/usr/bin/env bash
# Smoke check of a packaged hooklab: the command line's answers and exit codes, and (with xvfb-run and GTK)
# the window, all with HOME an empty folder, checking that nothing lands in it (JavaFX unpacks its native
# libraries into ~/.openjfx when they are not in the runtime) and that no JavaFX warning is printed.
#   usage: packaging/linux/smoke.sh [LAUNCHER]    default: target/dist/hooklab/bin/hooklab; /usr/bin/hooklab
#                                                 checks an installed .deb
# Exit 0 when every check passed. CI runs it after `mvn -B -Pdist package`.
set -uo pipefail
cd "$(dirname "$0")/../.."
launcher=${1:-target/dist/hooklab/bin/hooklab}
[ -x "$launcher" ] || { echo "smoke.sh: no launcher at $launcher (mvn -B -Pdist package builds it)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hooklab-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT
home=$work/home
mkdir "$home"
passed=0
failed=0

check() { # check NAME EXPECTED_EXIT PATTERN_IN_STDOUT ARGS... : runs the launcher, stdout/stderr kept in $work
  local name=$1 want=$2 pattern=$3
  shift 3
  HOME=$home "$launcher" "$@" >"$work/out" 2>"$work/err" </dev/null
  local got=$?
  local why=""
  [ "$got" -eq "$want" ] || why="exit $got, expected $want"
  [ -z "$why" ] && ! grep -Eq -- "$pattern" "$work/out" "$work/err" && why="no '$pattern' in the output"
  [ -z "$why" ] && grep -q "JavaFX" "$work/err" && why="JavaFX wrote to stderr: $(head -1 "$work/err")"
  if [ -z "$why" ]; then
    passed=$((passed + 1))
    echo "ok    $name"
  else
    failed=$((failed + 1))
    echo "FAIL  $name: $why"
    sed 's/^/      | /' "$work/out" "$work/err" | head -20
  fi
}

# a revision the agent accepts, and one whose AfterInstall script is missing
good=$work/good
mkdir -p "$good/scripts"
printf 'version: 0.0\nos: linux\nfiles:\n  - source: /\n    destination: /var/app/current\nhooks:\n  AfterInstall:\n    - location: scripts/start.sh\n      timeout: 60\n' >"$good/appspec.yml"
printf '#!/bin/bash\necho started\n' >"$good/scripts/start.sh"
chmod +x "$good/scripts/start.sh"
bad=$work/bad
mkdir -p "$bad"
sed 's#scripts/start.sh#scripts/missing.sh#' "$good/appspec.yml" >"$bad/appspec.yml"
(cd "$good" && tar czf "$work/good.tgz" .)

check "--version prints a numeric version" 0 '^hooklab [0-9]+(\.[0-9]+)+$' --version
check "lint of a good revision exits 0" 0 'the agent would accept' lint "$good"
check "lint of a tgz exits 0" 0 'the agent would accept' lint "$work/good.tgz"
check "lint --format json" 0 '"summary"' lint "$good" --format json
check "lint of a missing script exits 1" 1 'script-missing' lint "$bad"
check "lint of a missing file exits 2" 2 'no such file' lint "$work/nothing-here.zip"
check "an unknown option exits 2" 2 '.' lint "$good" --no-such-option
check "inspect lists the script's instance path" 0 'deployment-archive/scripts/start.sh' inspect "$good"

# the window: JavaFX from the runtime's named modules, its native libraries from the runtime's lib
if command -v xvfb-run >/dev/null && ldconfig -p | grep -q 'libgtk-3.so.0'; then
  HOME=$home xvfb-run -a "$launcher" "$good" >"$work/win.out" 2>"$work/win.err" </dev/null &
  pid=$!
  for _ in $(seq 40); do sleep 0.5; kill -0 "$pid" 2>/dev/null || break; done
  if kill -0 "$pid" 2>/dev/null && ! grep -q . "$work/win.err"; then
    passed=$((passed + 1))
    echo "ok    the window starts and stays up 20 s with nothing on stderr"
  else
    failed=$((failed + 1))
    echo "FAIL  the window: $(head -3 "$work/win.err")"
  fi
  pkill -TERM -P "$pid" 2>/dev/null
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
else
  echo "skip  the window (needs xvfb-run and GTK 3: apt-get install xvfb libgtk-3-0)"
fi

if [ -e "$home/.openjfx" ]; then
  failed=$((failed + 1))
  echo "FAIL  JavaFX unpacked libraries into the home folder: $(find "$home/.openjfx" | head -3 | tr '\n' ' ')"
else
  passed=$((passed + 1))
  echo "ok    nothing unpacked into the home folder"
fi

echo "smoke: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
