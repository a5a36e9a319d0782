/**
 * The words every part of hooklab uses to report a finding about a revision, and nothing else.
 *
 * <p>A {@link dev.hooklab.finding.Diagnostic} is one finding: its {@link dev.hooklab.finding.Severity}
 * (the agent fails, probably wrong, or just an explanation), its {@link dev.hooklab.finding.DiagnosticCode}
 * (a stable slug with a title and help text), our message, the agent's own text when it fails, where in
 * the revision it is, and how to fix it.
 *
 * <p>This is the ground floor: {@code bundle}, {@code appspec} and {@code plan} report what they find with
 * these types, and {@code diagnose} adds its rules on top. The package therefore depends on no other
 * package of ours; the rules that produce findings live in the packages that know the facts.
 */
package dev.hooklab.finding;
