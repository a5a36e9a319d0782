package dev.hooklab.appspec;

import dev.hooklab.finding.Diagnostic;

import java.util.List;
import java.util.Optional;

/**
 * A parsed and validated AppSpec file.
 *
 * @param fileName    the revision-relative name it was read from ({@code appspec.yml})
 * @param text        the text as read
 * @param root        the YAML tree with marks; empty when the YAML itself was refused
 * @param spec        the agent's reading, best-effort
 * @param diagnostics the agent's errors (each with its exact agentMessage) in the agent's order, then
 *                    YAML-level findings; errors only for what the agent rejects
 */
public record AppSpecDocument(String fileName, String text, Optional<YamlValue> root, AppSpec spec,
                              List<Diagnostic> diagnostics) {

    public AppSpecDocument {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The agent's parse-and-validate verdict: true when it accepts the file. */
    public boolean valid() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }
}
