#!/bin/bash
# Records which deployment installed the files.
set -e
echo "deployment=$DEPLOYMENT_ID" > /opt/hello/config/deployment.conf
echo "installed /opt/hello for deployment $DEPLOYMENT_ID"
