package dev.hooklab.cli;

/** Output formats: markdown and html are inspect's reports (dev.hooklab.report). */
enum Format {
    text, json, sarif, markdown, html
}
