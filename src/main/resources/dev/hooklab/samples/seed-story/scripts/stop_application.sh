#!/bin/bash
# Stops the application if it runs; succeeds when it does not.
pkill -f "http.server 8080" || true
