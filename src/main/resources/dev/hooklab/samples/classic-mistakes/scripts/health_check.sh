#!/bin/bash
# Checks that the shop answers.
curl -fsS http://localhost:8080/ > /dev/null
