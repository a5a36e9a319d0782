package dev.hooklab.cli;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** What lint and inspect look at and where their report goes: INPUT, --appspec, the deployment, -o. */
final class RevisionOptions {

    @Parameters(index = "0", paramLabel = "INPUT", description = "A bundle (zip, tar, tgz), a folder, or an appspec.yml alone.")
    Path input;

    @Option(names = "--appspec", paramLabel = "FILE", description = "Use this AppSpec instead of the bundle's.")
    Path appspec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Mixin
    DeploymentOptions deployment;

    /** Inspects the input in the deployment the options name; unreadable input becomes a one-line user error. */
    Inspection inspect(Inspector inspector, DeploymentIds ids) throws UserError {
        try {
            return inspector.inspect(input, deployment.layout(ids), deployment.inspectOptions(appspec));
        } catch (InputException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Colours only for a terminal, never in a file. */
    Style style() {
        return output == null ? Style.forTerminal() : new Style(false);
    }
}
