package dev.hooklab.app;

import dev.hooklab.appspec.AppSpecParser;
import dev.hooklab.appspec.YamlLimits;
import dev.hooklab.bundle.BundleReader;
import dev.hooklab.cli.Cli;
import dev.hooklab.diagnose.rules.Diagnoser;
import dev.hooklab.inspect.Inspector;
import dev.hooklab.plan.DeploymentIds;
import dev.hooklab.plan.Planner;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.agent.LocalInstallHost;
import dev.hooklab.run.session.AgentSteps;
import dev.hooklab.run.session.SandboxAgentSteps;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The composition root: the one place that builds hooklab's objects and hands them to the CLI or the window. */
public final class Hooklab {
    private final String version;
    private final Inspector inspector;
    private final SessionBuilder sessions;
    private final DeploymentIds ids;
    private final Workers workers;
    private final IsolationProbe probe;
    private final HostAccounts host;

    private Hooklab(String version, Inspector inspector, SessionBuilder sessions, DeploymentIds ids,
                    Workers workers, IsolationProbe probe, HostAccounts host) {
        this.host = host;
        this.version = version;
        this.inspector = inspector;
        this.sessions = sessions;
        this.ids = ids;
        this.workers = workers;
        this.probe = probe;
    }

    /** hooklab as it ships: deployment ids the user does not give are drawn from a secure random source. */
    public static Hooklab create() {
        return create(DeploymentIds.random(new SecureRandom()));
    }

    /** hooklab drawing the deployment ids the user does not give from {@code ids} (seeded or fixed in tests). */
    public static Hooklab create(DeploymentIds ids) {
        Workers workers = Workers.daemons();
        AppSpecParser parser = new AppSpecParser(YamlLimits.defaults());
        Inspector inspector = new Inspector(new BundleReader(workers), parser, new Planner(), new Diagnoser());
        HostAccounts host = new HostAccounts();
        AgentSteps agent = new SandboxAgentSteps(new LocalInstallHost(host), parser, workers);
        IsolationProbe probe = new IsolationProbe(host);
        SessionBuilder sessions = new SessionBuilder(inspector, parser, agent, host, probe, workers);
        return new Hooklab(readVersion(), inspector, sessions, ids, workers, probe, host);
    }

    /** This machine's accounts: who hooklab runs as, and whether a hook's runas can be honoured. */
    public HostAccounts accounts() {
        return host;
    }

    /** A new single thread for the window's inspections, one at a time, in order. */
    public ExecutorService inspectionWorker() {
        return Executors.newSingleThreadExecutor(workers.factory("hooklab-inspect"));
    }

    /** A new single thread for the window's run view: building and closing sessions, reading scripts again. */
    public ExecutorService runWorker() {
        return Executors.newSingleThreadExecutor(workers.factory("hooklab-run"));
    }

    /** A new single thread for reading files off the FX thread: a script's full output, the sandbox's files. */
    public ExecutorService readerWorker() {
        return Executors.newSingleThreadExecutor(workers.factory("hooklab-read"));
    }

    /** Whether bubblewrap works here (asked once, then remembered); the sessions choose their isolation with it. */
    public IsolationProbe isolationProbe() {
        return probe;
    }

    /** Builds step sessions (the window's Run view and hooklab run). */
    public SessionBuilder sessions() {
        return sessions;
    }

    public String version() {
        return version;
    }

    public Inspector inspector() {
        return inspector;
    }

    /** Draws the id of a deployment the user did not name; the front ends resolve their layout with it. */
    public DeploymentIds deploymentIds() {
        return ids;
    }

    public Cli cli() {
        return new Cli(inspector, sessions, ids, version);
    }

    int commandLine(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return cli().execute(args, out, err);
    }

    private static String readVersion() {
        try (InputStream in = Hooklab.class.getResourceAsStream("/dev/hooklab/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
