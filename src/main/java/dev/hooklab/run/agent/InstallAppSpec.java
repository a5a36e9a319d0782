package dev.hooklab.run.agent;

import dev.hooklab.appspec.AppSpec;
import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.AppSpecText;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;

import java.io.IOException;
import java.util.List;

/**
 * The AppSpec as the agent's Install reads it ({@code CommandExecutor#app_spec_real_path}): the configured
 * name, else {@code appspec.yaml}, else {@code appspec.yml} (read even when missing, which fails with Ruby's
 * error), parsed and validated; the first error stops Install.
 */
final class InstallAppSpec {
    static final String DEFAULT_NAME = "appspec.yml";

    private final SandboxTree tree;
    private final AppSpecParser parser;

    InstallAppSpec(SandboxTree tree, AppSpecParser parser) {
        this.tree = tree;
        this.parser = parser;
    }

    /** @param configuredName the deployment's AppSpecFilename; null or blank for {@code appspec.yml} */
    AppSpec read(DeploymentLayout layout, String configuredName) throws AgentError {
        String name = configuredName == null || configuredName.isBlank() ? DEFAULT_NAME : configuredName;
        String archive = layout.archiveDir();
        String path = AgentPath.fileJoin(archive, DEFAULT_NAME);
        for (String candidate : List.of(name, "appspec.yaml")) {
            if (tree.exists(AgentPath.fileJoin(archive, candidate))) {
                path = AgentPath.fileJoin(archive, candidate);
                break;
            }
        }
        String text = text(path);
        AppSpecDocument document = parser.parse(path.substring(archive.length() + 1), text, layout.os());
        for (Diagnostic d : document.diagnostics()) {
            if (d.isError()) {
                throw new AgentError(d.agentMessage() != null ? d.agentMessage() : d.message());
            }
        }
        return document.spec();
    }

    /** {@code File.read}. */
    private String text(String path) throws AgentError {
        if (!tree.exists(path)) {
            throw new AgentError("No such file or directory @ " + RubyErrno.OPEN + " - " + path);
        }
        if (tree.isDirectory(path)) {
            throw new AgentError("Is a directory @ io_fread - " + path);
        }
        try (java.io.InputStream in = tree.open(path)) {
            return AppSpecText.read(in);
        } catch (IOException e) {
            throw AgentError.errno(e, RubyErrno.OPEN, path);
        }
    }

}
