package dev.hooklab.cli;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "inspect", sortOptions = false,
        description = {"Show the deployment plan: the on-instance path of every hook script, which revision each event "
                + "runs, and the diagnostics.", "",
                "Exit status: 0 no errors, 1 the deployment would fail, 2 unreadable input or bad arguments."})
final class InspectCommand implements Callable<Integer> {
    private final Inspector inspector;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A bundle (zip, tar, tgz), a folder, or an appspec.yml alone.")
    Path input;

    @Option(names = "--appspec", paramLabel = "FILE", description = "Use this AppSpec instead of the bundle's.")
    Path appspec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Mixin
    DeploymentOptions deployment;

    InspectCommand(Inspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.sarif) {
            throw new UserError("inspect writes text or json; use hooklab lint --format sarif for SARIF");
        }
        Inspection in;
        try {
            in = inspector.inspect(input, deployment.toInspectOptions(appspec));
        } catch (InputException e) {
            throw new UserError(e.getMessage());
        }
        Output.to(output, spec.commandLine().getOut(), out -> {
            if (format == Format.json) {
                new JsonReport().write(in, out);
            } else {
                new TextReport(output == null ? Style.forTerminal() : new Style(false)).inspect(in, out);
            }
        });
        return in.hasErrors() ? 1 : 0;
    }
}
