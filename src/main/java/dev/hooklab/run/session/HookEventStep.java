package dev.hooklab.run.session;

import dev.hooklab.appspec.AppSpecDocument;
import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.AppSpecText;
import dev.hooklab.appspec.HookScript;
import dev.hooklab.bundle.AppSpecLookup;
import dev.hooklab.finding.Diagnostic;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.RevisionSource;
import dev.hooklab.run.output.DeploymentsLog;
import dev.hooklab.run.HookEnvironment;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.HookRunner;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.output.OutputListener;
import dev.hooklab.run.RunningHook;
import dev.hooklab.run.ScriptInvocation;
import dev.hooklab.run.ScriptRun;
import dev.hooklab.run.ScriptStatus;
import dev.hooklab.run.output.ScriptsLog;
import dev.hooklab.run.agent.DeploymentInstructions;
import dev.hooklab.run.agent.SandboxTree;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one lifecycle event's scripts as the agent's HookExecutor does (agent-behaviour.md §5.1-5.7): selects the
 * deployment folder (the last successful one for the events the plan says run the last successful revision's
 * scripts, while the current deployment has no archive yet; nothing at all on a first deployment), reads that
 * revision's AppSpec without Install's fallback, and runs the event's scripts in order until one fails.
 * Which revision an event runs is the plan's decision ({@link dev.hooklab.plan.DeploymentPlan#sourceOf}); where
 * that revision is, is found from the sandbox's marker files at run time, exactly as the agent reads them.
 */
final class HookEventStep {
    /** What the session hears while a step runs. */
    interface Progress {
        void scripts(List<ScriptState> scripts);

        void output(String location, OutputLine line);

        void started(RunningHook hook);

        /** Something about the running script, said at once. */
        default void note(String location, String text) {
        }

        /** Whether anyone hears the output lines (else they are not decoded at all). */
        boolean listening();
    }

    /** @param status how the event ended; @param scripts its scripts; @param agentMessage a failure outside scripts */
    record Result(StepStatus status, List<ScriptState> scripts, String agentMessage, List<String> notes) {
    }

    private final RunTarget target;
    private final Sandbox sandbox;
    private final HookRunner runner;
    private final AppSpecParser parser;
    private final HookEnvironment environment;

    HookEventStep(RunTarget target, Sandbox sandbox, HookRunner runner, AppSpecParser parser,
                  HookEnvironment environment) {
        this.target = target;
        this.sandbox = sandbox;
        this.runner = runner;
        this.parser = parser;
        this.environment = environment;
    }

    Result run(String event, Progress progress, BooleanSupplier stopRequested) throws IOException, InterruptedException {
        DeploymentLayout layout = target.layout();
        SandboxTree tree = sandbox.tree();
        List<String> notes = new ArrayList<>();
        String folder = layout.deploymentDir();
        if (target.plan().sourceOf(event) == RevisionSource.PREVIOUS && !tree.isDirectory(layout.archiveDir())) {
            DeploymentInstructions markers = new DeploymentInstructions(sandbox.writes(), layout);
            Optional<String> last = markers.lastSuccessfulDeployment();
            if (last.isEmpty()) {
                notes.add(event + " does nothing: this is the deployment group's first deployment here (no "
                        + markers.lastSuccessfulInstall() + "), so there is no last successful revision whose scripts "
                        + "it would run.");
                return new Result(StepStatus.SUCCEEDED, List.of(), null, notes);
            }
            folder = last.get();
            notes.add(event + " runs the scripts of the last successful revision, in " + folder + ".");
        }
        String archive = layout.paths().join(folder, "deployment-archive");
        String name = target.appspecName();
        String appspecPath = archive + "/" + name;
        if (!tree.exists(appspecPath)) {
            return new Result(StepStatus.FAILED, List.of(), AppSpecLookup.agentNotFoundMessage(archive, name), notes);
        }
        if (tree.isDirectory(appspecPath)) { // File.exist? passes, File.read fails
            notes.add(name + " in the revision is a folder, not a file.");
            return new Result(StepStatus.FAILED, List.of(), "Is a directory @ io_fread - " + appspecPath, notes);
        }
        if (!tree.isRegularFile(appspecPath)) {
            notes.add(appspecPath + " is not a regular file (a FIFO, socket or device, left by a hook): the agent would"
                    + " block or read a device there. hooklab did not open it.");
            return new Result(StepStatus.FAILED, List.of(), null, notes);
        }
        String text;
        try (InputStream in = tree.open(appspecPath)) {
            text = AppSpecText.read(in);
        }
        AppSpecDocument doc = parser.parse(name, text, target.os());
        Diagnostic firstError = doc.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElse(null);
        if (firstError != null) {
            notes.add("The agent rejects " + name + " (line " + firstError.line() + "): " + firstError.message());
            return new Result(StepStatus.FAILED, List.of(),
                    firstError.agentMessage() != null ? firstError.agentMessage() : firstError.message(), notes);
        }
        List<HookScript> scripts = doc.spec().hooks().getOrDefault(event, List.of());
        if (scripts.isEmpty()) {
            notes.add(event + " has no scripts in " + name + ".");
            return new Result(StepStatus.SUCCEEDED, List.of(), null, notes);
        }
        List<ScriptState> states = new ArrayList<>();
        scripts.forEach(s -> states.add(ScriptState.pending(s.location())));
        progress.scripts(List.copyOf(states));
        StepStatus status = StepStatus.SUCCEEDED;
        ScriptsLog scriptsLog = ScriptsLog.appendingTo(sandbox.host(layout.scriptsLog()),
                sandbox.writes().openForAppending(layout.scriptsLog()));
        DeploymentsLog deploymentsLog;
        try {
            deploymentsLog = DeploymentsLog.open(new SandboxLogStore(sandbox.writes(), layout.deploymentLogsDir()),
                    DeploymentsLog.FILE_NAME, layout.deploymentId(), ZoneId.systemDefault());
        } catch (IOException e) {
            scriptsLog.close();
            throw e;
        }
        try (HookLog log = new HookLog(scriptsLog, deploymentsLog, Clock.systemDefaultZone())) {
            log.lifecycleEvent(event);
            for (int i = 0; i < scripts.size(); i++) {
                HookScript script = scripts.get(i);
                if (stopRequested.getAsBoolean()) {
                    markNotRun(states, i);
                    notes.add("Stopped before " + script.location() + ".");
                    status = StepStatus.FAILED;
                    break;
                }
                String instancePath = layout.paths().join(archive, script.location());
                String joined = AgentPath.fileJoin(archive, script.location()); // what the agent executes, as written
                ScriptInvocation call = ScriptInvocation.of(script, instancePath, joined,
                        sandbox.mounts().hostPath(instancePath));
                states.set(i, ScriptState.running(script.location()));
                progress.scripts(List.copyOf(states));
                RunningHook hook = runner.start(call, environment, log, progress.listening()
                        ? listener(progress, script.location()) : OutputListener.NONE);
                progress.started(hook);
                if (hook.context() != null) {
                    states.set(i, ScriptState.started(script.location(), hook.context(), hook.command()));
                    progress.scripts(List.copyOf(states));
                }
                ScriptRun run = hook.await();
                states.set(i, ScriptState.ended(run));
                if (!run.succeeded()) {
                    markNotRun(states, i + 1);
                    status = run.status() == ScriptStatus.TIMED_OUT ? StepStatus.TIMED_OUT : StepStatus.FAILED;
                    if (run.status() == ScriptStatus.STOPPED) {
                        notes.add("Stopped by the user.");
                    }
                    break;
                }
                progress.scripts(List.copyOf(states));
            }
        }
        return new Result(status, states, null, notes);
    }

    private static void markNotRun(List<ScriptState> states, int from) {
        for (int j = from; j < states.size(); j++) {
            states.set(j, ScriptState.notRun(states.get(j).location()));
        }
    }

    /** Output lines and live notes of one script, for the session. */
    private static OutputListener listener(Progress progress, String location) {
        return new OutputListener() {
            @Override
            public void line(OutputLine line) {
                progress.output(location, line);
            }

            @Override
            public void note(String text) {
                progress.note(location, text);
            }
        };
    }
}
