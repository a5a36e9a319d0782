#!/bin/bash
# Checks that the tools the other hooks use are on the instance.
set -e
for tool in bash grep date sleep; do
  command -v "$tool" > /dev/null
done
echo "BeforeInstall of deployment $DEPLOYMENT_ID: the tools are there"
