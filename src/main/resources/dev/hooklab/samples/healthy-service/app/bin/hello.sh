#!/bin/bash
# The service: writes a heartbeat until it is stopped. With --check, says whether its configuration is complete.
here=$(cd "$(dirname "$0")/.." && pwd)
if [ "$1" = "--check" ]; then
  grep -q '^greeting=' "$here/config/hello.conf"
  exit $?
fi
while true; do
  date > "$here/heartbeat"
  sleep 5
done
