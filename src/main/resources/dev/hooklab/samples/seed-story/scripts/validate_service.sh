#!/bin/bash
# Checks that the application answers.
for i in 1 2 3 4 5; do
  curl -fsS http://localhost:8080/ > /dev/null && exit 0
  sleep 1
done
echo "the application does not answer on port 8080" >&2
exit 1
