#!/bin/bash
# Checks the installed configuration and that this deployment installed it.
set -e
bash /opt/hello/bin/hello.sh --check
grep -qx "deployment=$DEPLOYMENT_ID" /opt/hello/config/deployment.conf
echo "hello is installed and configured"
