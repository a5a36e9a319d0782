package dev.hooklab.run.shell;

import dev.hooklab.run.HookEnvironment;
import dev.hooklab.run.isolation.BubblewrapIsolation;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.session.StepSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds "Open a shell here": a shell inside the same sandbox as a step's hook would run in, as the sandbox stands
 * now. The confinement is the hook's own ({@link Isolation#interactive}: the same bubblewrap mounts at the
 * instance's paths, seccomp program, capabilities and network); the environment is the hook's (the agent's
 * variables added, the AWS credentials it clears removed); the working directory is the hook's
 * ({@code /opt/codedeploy-agent}, or its copy in the sandbox folder without isolation). The shell runs as hooklab's
 * user: a step's {@code runas} is not applied.
 */
public final class SandboxShell {
    /** Moves to the hook's folder, says where the shell is, and becomes the confined shell. */
    static final String LAUNCHER = "cd -- \"$1\" || exit 1; printf '%s\\n' \"$2\" >&2; shift 2; exec \"$@\"";
    private static final Path BASH = Path.of("/bin/bash");

    private final SandboxMounts mounts;
    private final Isolation isolation;
    private final HookEnvironment environment;

    public SandboxShell(SandboxMounts mounts, Isolation isolation, HookEnvironment environment) {
        this.mounts = mounts;
        this.isolation = isolation;
        this.environment = environment;
    }

    /** The shell for a session's steps, under the isolation it was built with. */
    public static SandboxShell of(StepSession session, Isolation isolation) {
        return new SandboxShell(session.sandbox().mounts(), isolation, session.target().environment());
    }

    /** An interactive shell for {@code event}'s hooks. */
    public ShellCommand forEvent(String event) throws IOException {
        return forEvent(event, List.of());
    }

    /**
     * A shell for {@code event}'s hooks given {@code shellArgs} ({@code -c 'pwd; ls'} runs those commands and
     * ends; none is an interactive shell at a terminal).
     */
    public ShellCommand forEvent(String event, List<String> shellArgs) throws IOException {
        boolean bash = Files.isExecutable(BASH);
        List<String> shell = new ArrayList<>(List.of(bash ? BASH.toString() : "/bin/sh"));
        if (bash) {
            shell.add("--norc"); // the user's rc files would replace the prompt that says where the shell is
        }
        shell.addAll(shellArgs);

        Map<String, String> variables = new LinkedHashMap<>(environment.forScript(event, Map.of()));
        List<String> cleared = new ArrayList<>(HookEnvironment.CLEARED);
        environment.bundle().forEach((name, value) -> {
            if (value == null) {
                cleared.add(name);
            }
        });
        Map<String, String> withPrompt = new LinkedHashMap<>(variables);
        withPrompt.put("PS1", "[hooklab " + event + "] \\w \\$ ");

        Path start = isolation.launchDirectory(mounts);
        String hookDir = isolation.hookPath(mounts, SandboxMounts.AGENT_HOME);
        String banner = banner(event, hookDir);

        List<String> argv = new ArrayList<>(List.of("/usr/bin/env"));
        cleared.forEach(name -> argv.addAll(List.of("-u", name)));
        withPrompt.forEach((name, value) -> argv.add(name + "=" + value));
        argv.addAll(List.of("/bin/sh", "-c", LAUNCHER, "hooklab-shell", start.toString(), banner));
        argv.addAll(isolation.interactive(mounts, shell));
        return new ShellCommand(event, argv, start, hookDir, isolation.name(), variables, cleared, banner);
    }

    private String banner(String event, String hookDir) {
        String roots = String.join(", ", mounts.instanceRoots());
        if (isolation.name().equals("none")) {
            return "hooklab WARNING: no isolation: this shell runs straight on this machine. Absolute paths (" + roots
                    + ", /etc, ...) are this machine's own files, not the sandbox's. Working directory: the sandbox's copy of "
                    + SandboxMounts.AGENT_HOME + ", " + hookDir + ".";
        }
        boolean network = isolation instanceof BubblewrapIsolation bwrap && bwrap.network();
        return "hooklab: a shell in the sandbox, as " + event + "'s hooks run (bubblewrap): " + roots
                + " from " + mounts.root() + ", the rest of this machine read-only, "
                + (network ? "network on" : "no network") + "; as " + System.getProperty("user.name")
                + " (a script's runas is not applied). Type exit to leave.";
    }
}
