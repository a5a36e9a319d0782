#!/bin/bash
# Migrates the database; never runs, because its event is misspelt.
echo "migrating"
