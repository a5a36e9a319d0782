package dev.hooklab.run;

import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputListener;
import dev.hooklab.run.process.HookLaunch;
import dev.hooklab.run.process.HookProcess;
import dev.hooklab.run.process.HookStarter;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs one hook script in a sandbox the way the CodeDeploy agent runs it on an instance
 * (agent-behaviour.md §5.3-5.9):
 * <ul>
 *   <li>checks that the script exists and makes it executable ({@code chmod +x}) as the agent does, through
 *       {@link ScriptFiles}: only inside the sandbox, never through a link that leads out of it;</li>
 *   <li>builds the agent's one command string ({@code <path>}, {@code sudo <path>},
 *       {@code su <user> -c <path>}, {@code sudo su <user> -c <path>}) and runs it by Ruby's
 *       spawn rules, in a new process group, with stdin closed;</li>
 *   <li>gives it hooklab's environment minus the AWS credentials the agent clears, plus
 *       {@code LIFECYCLE_EVENT}, {@code DEPLOYMENT_ID}, {@code APPLICATION_NAME},
 *       {@code DEPLOYMENT_GROUP_NAME}, {@code DEPLOYMENT_GROUP_ID} and the {@code BUNDLE_*} variables;</li>
 *   <li>runs it in the agent's SysV working directory {@code /opt/codedeploy-agent} (the sandbox's copy
 *       without isolation); scripts should not rely on any working directory;</li>
 *   <li>captures stdout and stderr apart, line by line, into {@code scripts.log} and the event's log tail;</li>
 *   <li>enforces the deadline and reports exit codes, signals, spawn errors and outputs left open
 *       with the agent's exact messages.</li>
 * </ul>
 * One instance serves a whole session; runs are independent. Not for Windows hooks.
 */
public final class HookRunner {
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_/.,:@%+=-]+");

    private final SandboxMounts mounts;
    private final Isolation isolation;
    private final RunLimits limits;
    private final UserSwitch userSwitch;
    private final HookStarter starter;
    private final ScriptPreflight preflight;

    /**
     * A runner on daemon threads of its own, through the wrapper when this machine has perl: for tests and tools;
     * hooklab itself passes the {@link HookStarter} built with its {@link Workers}.
     *
     * @param files the scripts' files in the sandbox, for the agent's checks and its chmod +x
     */
    public HookRunner(SandboxMounts mounts, Isolation isolation, RunLimits limits, HostAccounts host,
                      ScriptFiles files) {
        this(mounts, isolation, limits, host, files, HookStarter.find(host, Workers.daemons()));
    }

    /** @param starter starts each hook's process (through the wrapper or plainly) */
    public HookRunner(SandboxMounts mounts, Isolation isolation, RunLimits limits, HostAccounts host, ScriptFiles files,
                      HookStarter starter) {
        this.preflight = new ScriptPreflight(files);
        this.mounts = mounts;
        this.isolation = isolation;
        this.limits = limits;
        this.userSwitch = new UserSwitch(host);
        this.starter = starter;
    }

    public Isolation isolation() {
        return isolation;
    }

    /** The deadline a script whose AppSpec asks for {@code appSpecSeconds} gets here: the max timeout caps it. */
    public int deadlineFor(int appSpecSeconds) {
        return limits.timeoutFor(appSpecSeconds);
    }

    /** Runs the script and waits for it. */
    public ScriptRun run(ScriptInvocation call, HookEnvironment environment, HookLog log, OutputListener listener)
            throws IOException, InterruptedException {
        return start(call, environment, log, listener).await();
    }

    /**
     * Starts the script. Output reaches {@code listener} live, from two reader threads.
     *
     * @param log the event's log: {@link HookLog#lifecycleEvent} must already have been written
     */
    public RunningHook start(ScriptInvocation call, HookEnvironment environment, HookLog log, OutputListener listener)
            throws IOException {
        ScriptPreflight.Verdict checked = preflight.check(call);
        if (!checked.passed()) {
            List<String> notes = new ArrayList<>(checked.notes());
            notes.addAll(isolation.notes(mounts));
            return new RunningHook(new ScriptRun(call.event(), call.location(), null, checked.failure(),
                    checked.exitCode(), null, 0, null, null, checked.agentMessage(), checked.agentWarnings(), notes,
                    List.of(), log.tail()));
        }
        log.script(call.location());
        UserSwitch.Decision user = userSwitch.decide(call.runas(), call.sudo(), isolation);
        // the agent's own line names the path as File.join wrote it; hooklab runs that too when it is safe here
        SpawnLine instanceLine = SpawnLine.of(user.command().forPath(call.commandPath()));
        List<String> pathNotes = new ArrayList<>();
        String runPath = pathToRun(call, pathNotes);
        int timeout = deadlineFor(call.timeoutSeconds());
        Path runDir = Files.createTempDirectory(Files.createDirectories(mounts.hooklabDir().resolve("runs")),
                call.event().replaceAll("[^A-Za-z0-9_-]", "_") + "-");
        Map<String, String> env = environment.forScript(call.event(), System.getenv());
        List<String> argv = hookArgv(user.command(), runPath);
        HookLaunch launch = new HookLaunch(mounts, isolation, argv, env,
                timeout, limits, runDir, log, listener, "hook-" + call.event());
        ScriptContext context = new ScriptContext(argv, isolation.hookPath(mounts, SandboxMounts.AGENT_HOME),
                userName(user.command()), env, timeout, Math.max(1, call.timeoutSeconds()), isolation.name());
        HookProcess process = starter.start(launch);
        String agentCommand = new AgentCommand(call.runas(), call.sudo()).forPath(call.commandPath());
        AgentVerdict verdict = new AgentVerdict(new ScriptAgentMessages(call.location(), call.runas()),
                Math.max(1, call.timeoutSeconds()), timeout, isolation.ownPidNamespace());
        return new RunningHook(call.location(), context, agentCommand, process, outcome -> {
            AgentVerdict.Judgement judgement = verdict.judge(outcome, instanceLine.program());
            List<String> limitNotes = isolation.afterRun(launch.controlDir());
            List<String> notes = new ArrayList<>(user.notes());
            notes.addAll(pathNotes);
            ShebangCheck shebang = checked.shebang(); // what the file said before the hook could change it
            notes.addAll(shebang.notes());
            if (outcome.execError() != null) {
                notes.addAll(shebang.execNotes(outcome.execError(), instanceLine.program(), call.commandPath(),
                        path -> mounts.hostPath(path)));
            }
            notes.addAll(limitNotes);
            notes.addAll(judgement.notes());
            notes.addAll(outcome.notes());
            notes.addAll(isolation.notes(mounts));
            return new ScriptRun(call.event(), call.location(), agentCommand, judgement.status(),
                    judgement.exitCode(), judgement.signal(), outcome.durationMs(), outcome.stdout(), outcome.stderr(),
                    judgement.agentMessage(), checked.agentWarnings(), notes, outcome.holders(), log.tail(), context);
        });
    }

    /**
     * The path hooklab's command names: the agent's {@link ScriptInvocation#commandPath} (File.join's, with its
     * {@code ..}) when it reaches the file the checks looked at in the hook's view, else the normalised path (as
     * before: a symbolic link ahead of a {@code ..}, or, without isolation, a {@code ..} that would climb above
     * the sandbox folder or a folder on the way that only this machine lacks).
     */
    private String pathToRun(ScriptInvocation call, List<String> notes) {
        String written = call.commandPath();
        if (written.equals(call.instancePath())) {
            return written;
        }
        boolean same = preflight.reachesCheckedFile(call);
        String checked = isolation.hookPath(mounts, call.instancePath());
        if (same && checked.equals(mounts.hostPath(call.instancePath()).toString())) {
            // the hook sees this machine's paths: the sandbox folder + the path as written must stay in the
            // folder and reach the same file there
            String asWritten = isolation.hookPath(mounts, written);
            try {
                same = !SandboxMounts.climbsAboveRoot(written) && Files.isSameFile(Path.of(asWritten), Path.of(checked));
            } catch (IOException | RuntimeException e) {
                same = false;
            }
        }
        if (same) {
            return written;
        }
        notes.add("The agent runs " + written + "; in this sandbox that path does not lead to the script checked at "
                + call.instancePath() + ", so hooklab ran the script by that normalised path: its $0 differs.");
        return call.instancePath();
    }

    /** The words to execute for the command naming {@code path}, with instance paths translated to what the hook sees. */
    private List<String> hookArgv(AgentCommand command, String path) {
        SpawnLine line = SpawnLine.of(command.forPath(path));
        if (line.viaShell()) {
            String instanceRoot = null; // the deepest instance root the path starts with, as written
            for (String root : mounts.instanceRoots()) {
                if (SandboxMounts.within(path, root)) {
                    instanceRoot = root;
                }
            }
            if (instanceRoot == null || !mounts.isSandboxed(path)) {
                return line.argv(); // a path outside the sandbox is this machine's in every view
            }
            String hookRoot = isolation.hookPath(mounts, instanceRoot);
            return List.of("/bin/sh", "-c", command.forPath(shellWord(hookRoot) + path.substring(instanceRoot.length())));
        }
        return line.argv().stream()
                .map(word -> word.startsWith("/") && mounts.isSandboxed(word) ? isolation.hookPath(mounts, word) : word)
                .toList();
    }

    /** Whom the command runs as: the {@code runas} user, root through sudo, or whoever runs hooklab. */
    private String userName(AgentCommand command) {
        if (command.runas() != null) {
            return command.runas();
        }
        return command.sudo() ? "root (sudo)" : userSwitch.currentUser();
    }

    private static String shellWord(String text) {
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
