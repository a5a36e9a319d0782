package dev.hooklab.plan;

import dev.hooklab.appspec.Mark;
import dev.hooklab.finding.DiagnosticCode;

/**
 * The error the agent raises while planning the Install step; planning stops there, as the agent's does.
 *
 * @param code         the diagnostic code
 * @param agentMessage the agent's exact text
 * @param mark         the files or permissions entry that caused it
 */
public record InstallFailure(DiagnosticCode code, String agentMessage, Mark mark) {
}
