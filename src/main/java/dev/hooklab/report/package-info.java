/**
 * Reports of an inspection to paste or share: GitHub-flavoured Markdown and self-contained HTML.
 *
 * <p>{@link dev.hooklab.report.ReportModel} turns an {@link dev.hooklab.inspect.Inspection} into words and
 * raw values (revision, settings, plan rows, findings, verdict); the Markdown and HTML writers render that
 * one model, escaping everything that came from the revision. {@link dev.hooklab.report.ReportWriter} is
 * the entry point for {@code hooklab inspect --format markdown|html} and the window's File &gt; Export.
 *
 * <p>Sits above {@code inspect}, below {@code run}, {@code cli} and {@code ui}; reads no clock and no file.
 */
package dev.hooklab.report;
