#!/bin/bash
# Starts the application from where the files section installed it.
cd /var/app/current || exit 1
echo "starting the application in $(pwd)"
nohup python3 -m http.server 8080 &
