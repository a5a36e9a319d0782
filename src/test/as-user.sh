#!/usr/bin/env bash
# Runs hooklab's sandbox tests as an ordinary user, the second case the escape tests must hold in
# (CI runs everything as root). Not part of .ci/run: it copies ~450 MB of Maven repository and
# runs Maven offline, so run it by hand, as root, after a normal build has filled root's ~/.m2:
#
#   src/test/as-user.sh                      # the sandbox tests listed below
#   src/test/as-user.sh 'BubblewrapEscapeTest,SandboxPathsTest'
#   src/test/as-user.sh all                  # the whole suite (mvn verify)
#
# What it does: creates the user $HOOKLAB_TEST_USER (default hooktester) when missing; copies this
# worktree (without target/ and .git) to ~USER/hooklab-wt, owned by the user, replacing an older copy; copies
# root's Maven repository to ~USER/.m2 once (delete it to refresh); says whether bwrap can make an
# unprivileged user namespace here; runs Maven offline as the user; prints a per-class summary and
# every skipped test. Exit status: Maven's. Nothing outside ~USER is changed.
set -euo pipefail

user=${HOOKLAB_TEST_USER:-hooktester}
tests=${1:-BubblewrapEscapeTest,BubblewrapHookRunnerTest,BubblewrapIsolationTest,SandboxPathsTest,IsolationProbeTest,HookRunnerTest,UserSwitchTest,ProcessLimitTest,SeccompFilterTest,PlainHookProcessTest,BundleReaderErrorsTest,AgentRunBehaviourTest,PreviousDeploymentTest,DestinationTimingTest}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "as-user.sh: run it as root (it creates a user and runs the tests as that user)" >&2
  exit 2
fi
if [ ! -d "$HOME/.m2/repository" ]; then
  echo "as-user.sh: no $HOME/.m2/repository: build once as root first (mvn -B verify)" >&2
  exit 2
fi

id "$user" >/dev/null 2>&1 || useradd -m -s /bin/bash "$user"
if [ "$(id -u "$user")" -eq 0 ]; then
  echo "as-user.sh: $user is root; name an ordinary user" >&2
  exit 2
fi
home=$(getent passwd "$user" | cut -d: -f6)

rm -rf "$home/hooklab-wt"
mkdir -p "$home/hooklab-wt"
tar -C "$source_dir" --exclude=./target --exclude=./.git -cf - . | tar -C "$home/hooklab-wt" -xf -
if [ ! -d "$home/.m2/repository" ]; then
  mkdir -p "$home/.m2"
  cp -a "$HOME/.m2/repository" "$home/.m2/repository"
fi
chown -R "$user:" "$home/hooklab-wt" "$home/.m2"

echo "== user namespaces"
echo "user.max_user_namespaces = $(cat /proc/sys/user/max_user_namespaces 2>/dev/null || echo '?')"
if [ -e /proc/sys/kernel/unprivileged_userns_clone ]; then
  echo "kernel.unprivileged_userns_clone = $(cat /proc/sys/kernel/unprivileged_userns_clone)"
fi
bwrap_path=$(command -v bwrap || true)
if [ -z "$bwrap_path" ]; then
  echo "bwrap: not installed (the bubblewrap tests will skip)"
else
  if [ -u "$bwrap_path" ]; then echo "bwrap: setuid"; else echo "bwrap: not setuid"; fi
  if su "$user" -c "bwrap --ro-bind / / --unshare-user --unshare-pid --proc /proc true" 2>/tmp/as-user-bwrap.$$; then
    echo "bwrap as $user: a user namespace works"
  else
    echo "bwrap as $user: fails ($(cat /tmp/as-user-bwrap.$$)); the bubblewrap tests will skip"
  fi
  rm -f /tmp/as-user-bwrap.$$
fi

if [ "$tests" = all ]; then
  goal="verify"
else
  goal="test -Dtest=$tests -Dsurefire.failIfNoSpecifiedTests=false"
fi
echo "== mvn -B -o $goal  (as $user, in $home/hooklab-wt)"
status=0
su - "$user" -c "cd ~/hooklab-wt && mvn -B -o $goal" > "$home/hooklab-as-user.log" 2>&1 || status=$?

echo "== summary (full log: $home/hooklab-as-user.log)"
reports="$home/hooklab-wt/target/surefire-reports"
if ls "$reports"/TEST-*.xml >/dev/null 2>&1; then
  for report in "$reports"/TEST-*.xml; do
    suite=$(grep -o "<testsuite [^>]*" "$report" | head -1)
    attr() { printf '%s' "$suite" | grep -oE " $1=\"[^\"]*\"" | head -1 | cut -d'"' -f2; }
    printf '%-40s tests=%s failures=%s errors=%s skipped=%s\n' "$(attr name | sed 's/^dev\.hooklab\.//')" \
      "$(attr tests)" "$(attr failures)" "$(attr errors)" "$(attr skipped)"
  done | sort
  echo "-- skipped:"
  awk '/<testcase / { match($0, /name="[^"]*"/); name = substr($0, RSTART + 6, RLENGTH - 7);
                      match($0, /classname="[^"]*"/); class = substr($0, RSTART + 11, RLENGTH - 12) }
       /<skipped/ { why = $0; sub(/.*(Assumption failed: |message=")/, "", why); sub(/"?\/?>?$/, "", why)
                    if (why ~ /<skipped/) why = ""
                    sub(/^dev\.hooklab\./, "", class); print "  " class "." name ": " why }' "$reports"/TEST-*.xml
else
  echo "no test reports: see the log"
  tail -20 "$home/hooklab-as-user.log"
fi
grep -E "^\[(INFO|WARNING|ERROR)\] Tests run: [0-9]+, Failures" "$home/hooklab-as-user.log" | tail -1 || true
grep -E "<<< (FAILURE|ERROR)!" "$home/hooklab-as-user.log" | grep -v "Tests run" || true
exit "$status"
