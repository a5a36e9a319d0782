#!/bin/bash
# Starts the service in the background, detached from the hook's outputs, so the agent need not wait for it.
nohup bash /opt/hello/bin/hello.sh > /opt/hello/hello.log 2>&1 < /dev/null &
echo $! > /opt/hello/hello.pid
echo "started hello (pid $!)"
