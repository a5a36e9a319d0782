#!/bin/bash
# Installs the packages the shop needs.
set -e
echo "installing dependencies"
