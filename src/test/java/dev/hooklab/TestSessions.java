package dev.hooklab;

import dev.hooklab.app.Hooklab;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.inspect.InspectOptions;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.session.RunRequest;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import dev.hooklab.run.session.StepState;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test-only: real step sessions of a revision folder, built as the window and the CLI build them. */
public final class TestSessions {
    private TestSessions() {
    }

    /**
     * A session on a revision folder, the sandbox in {@code sandbox}, hooks not waited for when a background
     * process holds their output (so a holder is reported at once).
     *
     * @param maxOutputBytes the output kept per script, or null for the default
     */
    public static SessionBuilder.Prepared build(Path revision, Path sandbox, String isolation,
                                                SessionListener listener, Long maxOutputBytes) throws Exception {
        return build(revision, new RunRequest(null, null, List.of(), sandbox, isolation, false, null, "app",
                "LocalFleet", Map.of(), null, false, maxOutputBytes), listener);
    }

    /** A session on a revision folder, inspected with the default layout, for this request. */
    public static SessionBuilder.Prepared build(Path revision, RunRequest request, SessionListener listener)
            throws Exception {
        Hooklab hooklab = Hooklab.create();
        Inspection judged = hooklab.inspector().inspect(revision, DeploymentLayout.defaults(TargetOs.LINUX,
                hooklab.deploymentIds()), InspectOptions.defaults());
        return hooklab.sessions().build(judged, request, listener);
    }

    /** The index of {@code event}'s step. */
    public static int index(StepSession session, String event) {
        return session.steps().stream().filter(s -> s.event().equals(event)).mapToInt(StepState::index)
                .findFirst().orElseThrow();
    }
}
