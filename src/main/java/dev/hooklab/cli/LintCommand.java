package dev.hooklab.cli;

import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "lint", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Report what the CodeDeploy agent would fail on, with its own messages, and what it silently "
                + "gets wrong.", "",
                "Exit status: 0 no errors, 1 the deployment would fail, 2 unreadable input or bad arguments."})
final class LintCommand implements Callable<Integer> {
    private final Inspector inspector;
    private final DeploymentIds ids;
    private final String version;

    @Spec
    CommandSpec spec;

    @Mixin
    RevisionOptions revision;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    LintCommand(Inspector inspector, DeploymentIds ids, String version) {
        this.inspector = inspector;
        this.ids = ids;
        this.version = version;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.markdown || format == Format.html) {
            throw new UserError("lint writes text, json or sarif; use hooklab inspect --format " + format
                    + " for a report");
        }
        Inspection in = revision.inspect(inspector, ids);
        Output.to(revision.output, spec.commandLine().getOut(), out -> {
            switch (format) {
                case json -> new JsonReport().write(in, out);
                case sarif -> new SarifReport(Path.of(""), version).write(in, out);
                default -> new TextReport(revision.style()).lint(in, out);
            }
        });
        return in.hasErrors() ? 1 : 0;
    }
}
