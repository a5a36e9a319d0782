#!/bin/bash
# Starts the shop; the server inherits the hook's STDOUT and keeps it open.
cd /srv/shop
python3 -m http.server 8080 &
echo "shop started"
