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

@Command(name = "lint", sortOptions = false,
        description = {"Report what the CodeDeploy agent would fail on, with its own messages, and what it silently "
                + "gets wrong.", "",
                "Exit status: 0 no errors, 1 the deployment would fail, 2 unreadable input or bad arguments."})
final class LintCommand implements Callable<Integer> {
    private final Inspector inspector;
    private final String version;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A bundle (zip, tar, tgz), a folder, or an appspec.yml alone.")
    Path input;

    @Option(names = "--appspec", paramLabel = "FILE", description = "Use this AppSpec instead of the bundle's.")
    Path appspec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Mixin
    DeploymentOptions deployment;

    LintCommand(Inspector inspector, String version) {
        this.inspector = inspector;
        this.version = version;
    }

    @Override
    public Integer call() throws Exception {
        Inspection in;
        try {
            in = inspector.inspect(input, deployment.toInspectOptions(appspec));
        } catch (InputException e) {
            throw new UserError(e.getMessage());
        }
        Output.to(output, spec.commandLine().getOut(), out -> {
            switch (format) {
                case json -> new JsonReport().write(in, out);
                case sarif -> new SarifReport(Path.of(""), version).write(in, out);
                default -> new TextReport(output == null ? Style.forTerminal() : new Style(false)).lint(in, out);
            }
        });
        return in.hasErrors() ? 1 : 0;
    }
}
