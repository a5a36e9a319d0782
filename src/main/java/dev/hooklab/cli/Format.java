package dev.hooklab.cli;

/** Output formats. */
enum Format {
    text, json, sarif
}
