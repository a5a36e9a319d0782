package dev.hooklab.run.session;

import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.run.output.OutputLine;
import dev.hooklab.run.RunningHook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The previous revision ({@code --previous BUNDLE}) deployed as the group's earlier deployment would have been:
 * its whole lifecycle in its own deployment folder, under its own deployment id, hooks included. So its folder
 * has its {@code logs/scripts.log}, the deployments log has its lines, and whatever its hooks left (files,
 * folders) is there, exactly as two deployments in a row leave an instance. The deployment stops where the
 * agent's would; once its Install has completed it is the last successful revision anyway, as on an instance,
 * so only a failure before that is an error.
 */
final class EarlierDeployment {
    private final RunTarget target;
    private final Sandbox sandbox;
    private final AgentSteps agent;
    private final HookEventStep hooks;

    EarlierDeployment(RunTarget target, Sandbox sandbox, AgentSteps agent, HookEventStep hooks) {
        this.target = target;
        this.sandbox = sandbox;
        this.agent = agent;
        this.hooks = hooks;
    }

    /**
     * Runs the earlier deployment.
     *
     * @param stop    whether the user asked to stop
     * @param started hears each hook as it starts, so that a stop reaches it
     * @return a note on what was deployed
     */
    String deploy(BooleanSupplier stop, Consumer<RunningHook> started) throws SessionException, InterruptedException {
        RunTarget.DeployedBundle bundle = target.bundle();
        DeploymentLayout layout = target.layout();
        List<String> ran = new ArrayList<>();
        String failure = null;
        boolean installed = false;
        for (String event : target.events()) {
            if (stop.getAsBoolean()) {
                throw new SessionException("stopped while the previous revision was being deployed first");
            }
            StepOutcome o = switch (event) {
                case Lifecycle.DOWNLOAD_BUNDLE -> agent.downloadBundle(bundle, layout, target.appspecName(),
                        target.extraction(), sandbox);
                case Lifecycle.INSTALL -> agent.install(bundle, layout, target.appspecName(),
                        target.fileExistsBehavior(), sandbox);
                default -> {
                    try {
                        yield hookEvent(event, stop, started);
                    } catch (IOException e) {
                        throw new SessionException("the previous revision could not be deployed first (" + event + "): "
                                + e.getMessage());
                    }
                }
            };
            ran.add(event);
            if (o.status().failure()) {
                failure = event + ": " + (o.agentMessage() != null ? o.agentMessage() : String.join(" ", o.notes()));
                break;
            }
            installed |= event.equals(Lifecycle.INSTALL);
        }
        if (failure != null && !installed) {
            throw new SessionException("the previous revision could not be deployed first (" + failure + ")");
        }
        return "Deployed the previous revision first as deployment " + layout.deploymentId() + " ("
                + String.join(", ", ran) + "), as an earlier deployment of this group, so the events that run the last "
                + "successful revision's scripts find it; its hooks' output is in " + layout.scriptsLog() + "."
                + (failure == null ? "" : " That deployment failed in " + failure + "; its Install had completed, so it "
                + "is the last successful revision all the same, as on an instance.");
    }

    private StepOutcome hookEvent(String event, BooleanSupplier stop, Consumer<RunningHook> started)
            throws IOException, InterruptedException {
        HookEventStep.Result r = hooks.run(event, new HookEventStep.Progress() {
            @Override
            public void scripts(List<ScriptState> scripts) {
            }

            @Override
            public void output(String location, OutputLine line) {
            }

            @Override
            public void started(RunningHook hook) {
                started.accept(hook);
            }

            @Override
            public boolean listening() {
                return false;
            }
        }, stop);
        if (!r.status().failure()) {
            return StepOutcome.succeeded(r.notes());
        }
        String message = r.agentMessage() != null ? r.agentMessage() : r.scripts().stream()
                .filter(s -> s.run() != null && !s.run().succeeded())
                .map(s -> s.run().agentMessage()).findFirst().orElse(null);
        return StepOutcome.failed(message, r.notes());
    }
}
