package dev.hooklab.cli;

import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.session.RunRequest;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionException;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

@Command(name = "run", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Deploy the revision into a sandbox folder that mirrors the instance and run its hooks the way "
                + "the agent runs them: DownloadBundle, Install, then every lifecycle event in order, with the agent's "
                + "environment, timeouts and messages.", "",
                "Exit status: 0 every hook succeeded, 1 the deployment would fail, 2 unreadable input or bad arguments "
                        + "(also: the --sandbox folder is in use by another run), 130 / 143 / 129 interrupted by SIGINT "
                        + "(Ctrl-C) / SIGTERM / SIGHUP: the running hook is stopped, the result so far printed and a "
                        + "temporary sandbox removed."})
final class RunCommand implements Callable<Integer> {
    private final Inspector inspector;
    private final SessionBuilder sessions;
    private final DeploymentIds ids;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A bundle (zip, tar, tgz) or a folder.")
    Path input;

    @Option(names = "--appspec", paramLabel = "FILE", description = "Use this AppSpec instead of the bundle's.")
    Path appspec;

    @Option(names = "--previous", paramLabel = "BUNDLE",
            description = "Deploy this older revision first, so ApplicationStop, BeforeBlockTraffic and AfterBlockTraffic "
                    + "run its scripts, as on an instance that had it.")
    Path previous;

    @Option(names = "--previous-deployment-id", paramLabel = "ID",
            description = "The deployment id of --previous BUNDLE (default: d-PREVIOUS0).")
    String previousDeploymentId;

    @Option(names = "--events", paramLabel = "E1,E2", split = ",",
            description = "Run only these events (DownloadBundle and Install always run first).")
    List<String> events = List.of();

    @Option(names = "--sandbox", paramLabel = "DIR",
            description = "Keep the sandbox in DIR (new, empty, or an earlier hooklab sandbox, which then holds the "
                    + "earlier deployments). Default: a temporary folder removed at the end.")
    Path sandbox;

    @Option(names = "--isolation", paramLabel = "MODE", defaultValue = "auto",
            description = "auto (bubblewrap when it works here), bwrap or none (default: ${DEFAULT-VALUE}).")
    String isolation;

    @Option(names = "--network", description = "Let hooks use the network (under bubblewrap they have none by default).")
    boolean network;

    @Option(names = "--max-timeout", paramLabel = "SECONDS",
            description = "Lower every script's timeout to at most SECONDS for this run.")
    Integer maxTimeout;

    @Option(names = "--no-wait-for-outputs",
            description = "When a background process still holds a script's stdout or stderr after it exits, end it"
                    + " at once and report the outputs left open, as the agent would at the script's timeout"
                    + " (default: wait for them until the timeout, as the agent does).")
    boolean noWaitForOutputs;

    @Option(names = "--bundle-var", paramLabel = "NAME=VALUE",
            description = "A BUNDLE_* variable hooks see, as for an S3 revision (BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, "
                    + "BUNDLE_ETAG) or a GitHub one (BUNDLE_COMMIT); repeatable.")
    java.util.Map<String, String> bundleVariables = new java.util.LinkedHashMap<>();

    @Option(names = "--max-expanded-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "The most a bundle may expand to in the sandbox, e.g. 500M or 8G (default: 4G); "
                    + "extraction stops there, as for a zip bomb.")
    Long maxExpandedBytes;

    @Option(names = "--max-output-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "The most output of one script (stdout and stderr together) kept in scripts.log and the "
                    + "result, e.g. 1G (default: 100M); past it a marker line says where it was cut and the rest is "
                    + "read and dropped.")
    Long maxOutputBytes;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).",
            defaultValue = "text")
    Format format;

    @Mixin
    DeploymentOptions deployment;

    RunCommand(Inspector inspector, SessionBuilder sessions, DeploymentIds ids) {
        this.inspector = inspector;
        this.sessions = sessions;
        this.ids = ids;
    }

    @Override
    public Integer call() throws Exception {
        if (format != Format.text && format != Format.json) {
            throw new UserError("run writes text or json");
        }
        if (maxTimeout != null && maxTimeout < 1) {
            throw new UserError("--max-timeout must be at least 1 second");
        }
        if (!List.of("auto", "bwrap", "none").contains(isolation)) {
            throw new UserError("--isolation must be auto, bwrap or none, not '" + isolation + "'");
        }
        for (String name : bundleVariables.keySet()) {
            if (!java.util.Set.of("BUNDLE_BUCKET", "BUNDLE_KEY", "BUNDLE_VERSION", "BUNDLE_ETAG", "BUNDLE_COMMIT")
                    .contains(name)) {
                throw new UserError("--bundle-var: " + name + " is not one of BUNDLE_BUCKET, BUNDLE_KEY, BUNDLE_VERSION, "
                        + "BUNDLE_ETAG, BUNDLE_COMMIT");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        LiveRunPrinter printer = format == Format.json ? null : new LiveRunPrinter(out, Style.forTerminal());
        SessionListener listener = printer == null ? SessionListener.NONE : printer;
        RunRequest request = new RunRequest(previous, previousDeploymentId, events, sandbox, isolation, network,
                maxTimeout, deployment.applicationName, deployment.deploymentGroupName, bundleVariables, maxExpandedBytes,
                !noWaitForOutputs, maxOutputBytes);
        SessionBuilder.Prepared prepared;
        try {
            DeploymentLayout layout = deployment.layout(ids);
            SessionBuilder.requireLinux(layout);
            prepared = sessions.build(inspector.inspect(input, layout, deployment.inspectOptions(appspec)), request,
                    listener);
        } catch (InputException e) {
            throw new UserError(e.getMessage());
        }
        StepSession session = prepared.session();
        RunInterruption interruption = new RunInterruption(session::stop, () -> closeSandbox(session));
        try (session) {
            if (printer != null) {
                printer.fixes(prepared.fixes());
                printer.alreadySaid(prepared.isolation().notes(session.sandbox().mounts()));
                intro(prepared, out);
            }
            CompletableFuture<Void> run = session.runToEnd();
            CompletableFuture<Void> finish = session.finish();
            CompletableFuture.anyOf(finish, interruption.signalled()).exceptionally(e -> null).join();
            boolean interrupted = interruption.happened();
            if (interrupted) {
                // the hook is being stopped: wait (bounded) for its end, then mark the steps left not-run
                awaitQuietly(session.finish(), RunInterruption.WAIT.dividedBy(2));
            } else {
                try {
                    run.get();
                    finish.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SessionException s) {
                        throw new UserError(s.getMessage());
                    }
                    throw e;
                }
            }
            if (format == Format.json) {
                new RunReport().write(session, prepared.isolation(), sandbox != null, interrupted, prepared.fixes(),
                        out);
            } else {
                summary(session, interrupted, out);
            }
            return session.failed() || interrupted ? 1 : 0;
        } finally {
            closeSandbox(session);
            interruption.close();
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> future, java.time.Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // print what there is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void intro(SessionBuilder.Prepared prepared, PrintWriter out) {
        Style style = Style.forTerminal();
        var layout = prepared.session().target().layout();
        out.println(style.bold("Sandbox     ") + TerminalText.safe(prepared.session().sandbox().root().toString())
                + (sandbox == null ? style.dim("  (temporary, removed at the end)") : ""));
        out.println(style.bold("Isolation   ") + prepared.isolation().name());
        out.println(style.bold("Deployment  ") + TerminalText.safe(layout.deploymentGroupId() + " / " + layout.deploymentId()));
        out.println(style.bold("Logs        ") + TerminalText.safe(layout.scriptsLog().toString()) + style.dim("  and  ")
                + TerminalText.safe(layout.deploymentsLog().toString()));
        for (String n : prepared.isolation().notes(prepared.session().sandbox().mounts())) {
            out.println(style.dim("· " + TerminalText.safe(n)));
        }
        out.flush();
    }

    private void summary(StepSession session, boolean interrupted, PrintWriter out) {
        Style style = Style.forTerminal();
        var layout = session.target().layout();
        out.println();
        if (interrupted) {
            out.println(style.red("Interrupted: hooklab was told to stop (Ctrl-C or a signal); it stopped the running "
                    + "hook and ran nothing more.") + (sandbox == null ? " The temporary sandbox is removed." : ""));
        } else {
            out.println(session.failed() ? style.red("The deployment would fail.") : style.green("Every hook succeeded."));
        }
        if (sandbox != null) {
            out.println("scripts.log: " + TerminalText.safe(session.sandbox().host(layout.scriptsLog()).toString()));
            out.println("deployments log: " + TerminalText.safe(session.sandbox().host(layout.deploymentsLog()).toString()));
        }
        out.flush();
    }

    private void closeSandbox(StepSession session) {
        try {
            session.sandbox().close();
        } catch (IOException e) {
            spec.commandLine().getErr().println("hooklab: could not remove the temporary sandbox "
                    + session.sandbox().root() + ": " + e.getMessage());
        }
    }
}
