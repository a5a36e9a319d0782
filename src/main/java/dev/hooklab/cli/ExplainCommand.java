package dev.hooklab.cli;

import dev.hooklab.explain.ErrorReader;
import dev.hooklab.explain.Explainer;
import dev.hooklab.explain.Explanation;
import dev.hooklab.explain.Recognized;
import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "explain", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Explain a failed deployment from the agent's message, lines of codedeploy-agent.log or an "
                + "on-instance path: what failed, the deployment's ids, and what to change. With --revision, the "
                + "hook script and findings of that revision it is about.", "",
                "Exit status: 0 the text was recognised, 2 it was not, or unreadable input or bad arguments."})
final class ExplainCommand implements Callable<Integer> {
    private final Inspector inspector;
    private final DeploymentIds ids;
    private final Explainer explainer;
    private final InputStream stdin;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT",
            description = "The error text (several words are joined by spaces), or - to read it from stdin.")
    List<String> text;

    @Option(names = "--revision", paramLabel = "FILE|FOLDER",
            description = "Match the error against this revision (a bundle or a folder), inspected in the deployment "
                    + "the text names.")
    Path revision;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    ExplainCommand(Inspector inspector, DeploymentIds ids, Explainer explainer, InputStream stdin) {
        this.ids = ids;
        this.inspector = inspector;
        this.explainer = explainer;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws Exception {
        if (format == Format.sarif) {
            throw new UserError("explain writes text or json");
        }
        String pasted = text.size() == 1 && text.get(0).equals("-") ? readStdin() : String.join(" ", text);
        Optional<Recognized> recognized = explainer.read(pasted);
        if (recognized.isEmpty()) {
            throw new UserError(Explainer.UNRECOGNIZED);
        }
        Optional<Inspection> in = Optional.empty();
        if (revision != null) {
            try {
                in = Optional.of(inspector.inspect(revision, recognized.get().applyTo(DeploymentLayout.defaults(TargetOs.LINUX, ids)), InspectOptions.defaults()));
            } catch (InputException e) {
                throw new UserError(e.getMessage());
            }
        }
        Explanation e = explainer.explain(recognized.get(), in);
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            ExplainReport.json(e, in, out);
        } else {
            new ExplainReport(Style.forTerminal()).text(e, in, out);
        }
        out.flush();
        return Cli.OK;
    }

    private String readStdin() throws IOException, UserError {
        byte[] bytes = stdin.readNBytes(ErrorReader.MAX_CHARS * 4);
        if (bytes.length == 0) {
            throw new UserError("nothing to explain on stdin");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
