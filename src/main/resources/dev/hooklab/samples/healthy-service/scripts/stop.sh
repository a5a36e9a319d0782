#!/bin/bash
# Stops the service the previous deployment started; nothing to do when it does not run.
pidfile=/opt/hello/hello.pid
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2> /dev/null; then
  kill "$(cat "$pidfile")"
fi
exit 0
