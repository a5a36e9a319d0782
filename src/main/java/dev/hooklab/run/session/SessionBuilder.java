package dev.hooklab.run.session;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.FileMapping;
import dev.hooklab.appspec.TargetOs;
import dev.hooklab.bundle.extract.ExtractionLimits;
import dev.hooklab.finding.Setting;
import dev.hooklab.inspect.InputException;
import dev.hooklab.inspect.InputKind;
import dev.hooklab.inspect.Inspection;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.plan.InstallPlanner;
import dev.hooklab.plan.Lifecycle;
import dev.hooklab.run.HookRunner;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.RunLimits;
import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.agent.SandboxScriptFiles;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a judged revision and a run request into a ready session: reads and judges the previous bundle if
 * any, decides the steps, opens the sandbox and chooses the isolation. Input problems are {@link InputException}s with
 * one clear line.
 */
public final class SessionBuilder {
    private static final Set<String> BEFORE_DOWNLOAD = Set.of(Lifecycle.BEFORE_BLOCK_TRAFFIC,
            Lifecycle.AFTER_BLOCK_TRAFFIC, Lifecycle.APPLICATION_STOP);
    private static final Set<String> BEFORE_INSTALL = Set.of(Lifecycle.BEFORE_BLOCK_TRAFFIC,
            Lifecycle.AFTER_BLOCK_TRAFFIC, Lifecycle.APPLICATION_STOP, Lifecycle.DOWNLOAD_BUNDLE, Lifecycle.BEFORE_INSTALL);

    /** The earlier deployment's id when --previous BUNDLE is deployed first: fixed, so runs compare. */
    public static final String PREVIOUS_DEPLOYMENT_ID = "d-PREVIOUS0";
    private static final java.util.regex.Pattern DEPLOYMENT_ID = java.util.regex.Pattern.compile("d-[A-Z0-9]{9}");

    private final Inspector inspector;
    private final AppSpecParser parser;
    private final AgentSteps agent;
    private final HostAccounts host;
    private final IsolationProbe probe;
    private final Workers workers;

    /** @param workers where a session's threads and its hooks' output readers come from */
    public SessionBuilder(Inspector inspector, AppSpecParser parser, AgentSteps agent, HostAccounts host,
                          IsolationProbe probe, Workers workers) {
        this.inspector = inspector;
        this.parser = parser;
        this.agent = agent;
        this.host = host;
        this.probe = probe;
        this.workers = workers;
    }

    /** A session ready to run, with what it was built from. */
    public record Prepared(StepSession session, Inspection inspection, Isolation isolation, FailureFixes fixes) {
    }

    /** hooklab run emulates a Linux instance only; a front end may ask before it reads the input. */
    public static void requireLinux(DeploymentLayout layout) throws InputException {
        if (layout.os() == TargetOs.WINDOWS) {
            throw new InputException("hooklab run emulates a Linux instance; " + Setting.OS.ref()
                    + " windows works with lint and inspect only");
        }
    }

    /**
     * A session deploying a revision the front end has read and judged, in the deployment it was judged in
     * ({@code current.layout()}): no second inspection. Only {@code --previous BUNDLE} is read and judged here,
     * in the same layout under its own deployment id.
     */
    public Prepared build(Inspection current, RunRequest request, SessionListener listener) throws InputException {
        DeploymentLayout layout = current.layout();
        requireLinux(layout);
        if (current.kind() == InputKind.APPSPEC || current.bundle().isEmpty()) {
            throw new InputException(current.input() + ": run needs a bundle or a folder, not an AppSpec alone");
        }
        Optional<Inspection> previous = Optional.empty();
        if (request.previous() == null && request.previousDeploymentId() != null) {
            throw new InputException(Setting.PREVIOUS_DEPLOYMENT_ID.ref() + " names the deployment of "
                    + Setting.PREVIOUS.ref() + "; give both");
        }
        if (request.previous() != null) {
            String id = request.previousDeploymentId() != null ? request.previousDeploymentId() : PREVIOUS_DEPLOYMENT_ID;
            if (!DEPLOYMENT_ID.matcher(id).matches()) {
                throw new InputException(Setting.PREVIOUS_DEPLOYMENT_ID.ref() + ": '" + id
                        + "' is not a deployment id (d- and 9 characters A-Z or 0-9, e.g. "
                        + PREVIOUS_DEPLOYMENT_ID + ")");
            }
            if (id.equals(layout.deploymentId())) {
                throw new InputException("the previous deployment and this one both have the id " + id
                        + "; give " + Setting.DEPLOYMENT_ID.ref() + " or "
                        + Setting.PREVIOUS_DEPLOYMENT_ID.ref() + " another one");
            }
            previous = Optional.of(inspector.judge(inspector.read(request.previous()), layout.withDeploymentId(id),
                    current.options().withAppspecOverride(null)));
        }
        String override = readOverride(current);
        // an S3 (BUNDLE_BUCKET...) or GitHub (BUNDLE_COMMIT) revision: the agent keeps the download as bundle.tar
        boolean downloaded = !request.bundleVariables().isEmpty();
        List<String> destinations = new ArrayList<>(destinations(current));
        previous.ifPresent(p -> destinations.addAll(destinations(p)));
        List<String> allDestinations = List.copyOf(new LinkedHashSet<>(destinations));
        String applicationName = request.applicationName() != null ? request.applicationName()
                : current.input().toString();
        ExtractionLimits extraction = request.maxExpandedBytes() == null ? ExtractionLimits.defaults()
                : ExtractionLimits.defaults().withMaxExpandedBytes(request.maxExpandedBytes());
        String appspecName = current.options().appspecName();
        String fileExistsBehavior = current.options().fileExistsBehavior();
        Optional<RunTarget> earlier = previous.map(p -> new RunTarget(
                new RunTarget.DeployedBundle(p.bundle().orElseThrow(), null, downloaded), p.plan(), Optional.empty(),
                appspecName, fileExistsBehavior, applicationName, request.deploymentGroupName(),
                p.plan().type().lifecycle(), allDestinations, extraction, request.bundleVariables()));
        RunTarget target = new RunTarget(new RunTarget.DeployedBundle(current.bundle().get(), override, downloaded),
                current.plan(), earlier, appspecName, fileExistsBehavior, applicationName,
                request.deploymentGroupName(), events(request.events(), current), allDestinations, extraction,
                request.bundleVariables());
        Isolation isolation;
        try {
            isolation = probe.choose(request.isolation(), request.network());
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Sandbox sandbox;
        try {
            List<String> extraRoots = AgentPath.isWithin(layout.expandedRoot(), SandboxMounts.AGENT_HOME)
                    ? List.of() : List.of(layout.expandedRoot());
            sandbox = Sandbox.open(request.sandboxDir(), target.destinations(), extraRoots);
        } catch (SandboxLock.HeldException e) {
            throw new InputException(e.getMessage());
        } catch (IOException e) {
            throw new InputException("cannot use the sandbox folder: " + e.getMessage());
        }
        RunLimits limits = RunLimits.defaults().withMaxTimeout(request.maxTimeout())
                .withWaitForOutputs(request.waitForOutputs())
                .withMaxOutputBytes(request.maxOutputBytes());
        HookRunner runner = new HookRunner(sandbox.mounts(), isolation, limits, host,
                new SandboxScriptFiles(sandbox.writes(), sandbox.mounts(), target::specialEntryAt),
                HookStarter.find(host, workers));
        StepSession session = new StepSession(target, sandbox, agent, runner, parser, listener, workers);
        return new Prepared(session, current, isolation, new FailureFixes(current, previous));
    }

    private static String readOverride(Inspection current) throws InputException {
        if (current.options().appspecOverride() == null) {
            return null;
        }
        return Inspector.readAppSpecFile(current.options().appspecOverride());
    }

    private static List<String> destinations(Inspection in) {
        AgentPath paths = in.plan().layout().paths();
        List<String> out = new ArrayList<>();
        for (FileMapping f : in.appspec().spec().files()) {
            String d = paths.expand(f.destination(), InstallPlanner.AGENT_CWD);
            if (d.startsWith("/")) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The steps: the deployment type's lifecycle, or the events asked for with DownloadBundle and Install
     * added as codedeploy-local adds them (prepended when absent, swapped when Install comes first).
     */
    static List<String> events(List<String> asked, Inspection current) throws InputException {
        if (asked.isEmpty()) {
            return current.plan().type().lifecycle();
        }
        List<String> events = new ArrayList<>();
        for (String e : asked) {
            String name = e.trim();
            if (!name.matches("[A-Z][A-Za-z0-9]*")) {
                throw new InputException(Setting.EVENTS.ref() + ": '" + name
                        + "' is not an event name (PascalCase, e.g. AfterInstall)");
            }
            if (events.contains(name)) {
                throw new InputException(Setting.EVENTS.ref() + ": " + name + " is listed twice");
            }
            events.add(name);
        }
        if (!events.contains(Lifecycle.DOWNLOAD_BUNDLE)) {
            events.add(0, Lifecycle.DOWNLOAD_BUNDLE);
        }
        if (!events.contains(Lifecycle.INSTALL)) {
            events.add(events.indexOf(Lifecycle.DOWNLOAD_BUNDLE) + 1, Lifecycle.INSTALL);
        }
        int download = events.indexOf(Lifecycle.DOWNLOAD_BUNDLE);
        int install = events.indexOf(Lifecycle.INSTALL);
        if (install < download) {
            events.set(install, Lifecycle.DOWNLOAD_BUNDLE);
            events.set(download, Lifecycle.INSTALL);
        }
        for (int i = 0; i < events.indexOf(Lifecycle.DOWNLOAD_BUNDLE); i++) {
            if (!BEFORE_DOWNLOAD.contains(events.get(i))) {
                throw new InputException("The only events that can be specified before DownloadBundle are "
                        + "BeforeBlockTraffic,AfterBlockTraffic,ApplicationStop. Please fix the order of your "
                        + "specified events: " + String.join(",", asked));
            }
        }
        for (int i = 0; i < events.indexOf(Lifecycle.INSTALL); i++) {
            if (!BEFORE_INSTALL.contains(events.get(i))) {
                throw new InputException("The only events that can be specified before Install are "
                        + "BeforeBlockTraffic,AfterBlockTraffic,ApplicationStop,DownloadBundle,BeforeInstall. Please "
                        + "fix the order of your specified events: " + String.join(",", asked));
            }
        }
        return events;
    }
}
