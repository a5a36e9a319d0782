package dev.hooklab.cli;

import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.report.ReportFormat;
import dev.hooklab.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.concurrent.Callable;

@Command(name = "inspect", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Show the deployment plan: the on-instance path of every hook script, which revision each event "
                + "runs, and the diagnostics.", "",
                "Exit status: 0 no errors, 1 the deployment would fail, 2 unreadable input or bad arguments."})
final class InspectCommand implements Callable<Integer> {
    private final Inspector inspector;
    private final DeploymentIds ids;

    @Spec
    CommandSpec spec;

    @Mixin
    RevisionOptions revision;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json, markdown or html (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    InspectCommand(Inspector inspector, DeploymentIds ids) {
        this.inspector = inspector;
        this.ids = ids;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.sarif) {
            throw new UserError("inspect writes text, json, markdown or html; use hooklab lint --format sarif for SARIF");
        }
        Inspection in = revision.inspect(inspector, ids);
        Output.to(revision.output, spec.commandLine().getOut(), out -> {
            switch (format) {
                case json -> new JsonReport().write(in, out);
                case markdown -> new ReportWriter().write(in, ReportFormat.MARKDOWN, out);
                case html -> new ReportWriter().write(in, ReportFormat.HTML, out);
                default -> new TextReport(revision.style()).inspect(in, out);
            }
        });
        return in.hasErrors() ? 1 : 0;
    }
}
