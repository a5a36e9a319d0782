package dev.hooklab.run.shell;

import dev.hooklab.plan.DeploymentPlan;
import dev.hooklab.run.HookEnvironment;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.UserSwitch;
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
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds "Open a shell here": a shell inside the same sandbox as a step's hook would run in, as the sandbox stands
 * now. The confinement is the hook's own ({@link Isolation#interactive}: the same bubblewrap mounts at the
 * instance's paths, seccomp program, capabilities and network); the environment is the hook's (the agent's
 * variables added, the AWS credentials it clears removed); the working directory is the hook's
 * ({@code /opt/codedeploy-agent}, or its copy in the sandbox folder without isolation). The user is the hook's: when
 * the event's scripts name one {@code runas} and the hook could switch to it here (hooklab is root, outside a user
 * namespace, and the user exists), the shell starts through {@code su}, as the agent starts those scripts; otherwise
 * it runs as hooklab's user and its banner says why.
 */
public final class SandboxShell {
    /** Moves to the hook's folder, says where the shell is, and becomes the confined shell. */
    static final String LAUNCHER = "cd -- \"$1\" || exit 1; printf '%s\\n' \"$2\" >&2; shift 2; exec \"$@\"";
    private static final Path BASH = Path.of("/bin/bash");

    private final SandboxMounts mounts;
    private final Isolation isolation;
    private final HookEnvironment environment;
    private final DeploymentPlan plan;
    private final UserSwitch users;

    /**
     * @param plan  whose events' scripts name the {@code runas} a shell takes
     * @param users whether a shell can become that user here, as the hooks do
     */
    public SandboxShell(SandboxMounts mounts, Isolation isolation, HookEnvironment environment, DeploymentPlan plan,
                        UserSwitch users) {
        this.mounts = mounts;
        this.isolation = isolation;
        this.environment = environment;
        this.plan = plan;
        this.users = users;
    }

    /** The shell for a session's steps, under the isolation it was built with. */
    public static SandboxShell of(StepSession session, Isolation isolation, HostAccounts host) {
        return new SandboxShell(session.sandbox().mounts(), isolation, session.target().environment(),
                session.target().plan(), new UserSwitch(host));
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
        String program = bash ? BASH.toString() : "/bin/sh";
        List<String> arguments = new ArrayList<>();
        if (bash) {
            arguments.add("--norc"); // the user's rc files would replace the prompt that says where the shell is
        }
        arguments.addAll(shellArgs);
        Account account = account(event);
        List<String> shell = new ArrayList<>();
        if (account.switchTo() != null) {
            // as the agent's `su <runas> -c <script>`, without -c for su (that would start a new session, with no
            // terminal for an interactive shell): the shell's own arguments follow "--"
            shell.addAll(List.of("su", "-s", program, account.switchTo(), "--"));
        } else {
            shell.add(program);
        }
        shell.addAll(arguments);

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
        String banner = banner(event, hookDir, account);

        List<String> argv = new ArrayList<>(List.of("/usr/bin/env"));
        cleared.forEach(name -> argv.addAll(List.of("-u", name)));
        withPrompt.forEach((name, value) -> argv.add(name + "=" + value));
        argv.addAll(List.of("/bin/sh", "-c", LAUNCHER, "hooklab-shell", start.toString(), banner));
        argv.addAll(isolation.interactive(mounts, shell));
        return new ShellCommand(event, argv, start, hookDir, isolation.name(), variables, cleared, banner);
    }

    /**
     * Who the shell runs as.
     *
     * @param switchTo the user it becomes through su, or null for hooklab's own
     * @param words    as whom, and why when the hooks' runas is not applied
     */
    private record Account(String switchTo, String words) {
    }

    private Account account(String event) {
        Set<String> runas = new TreeSet<>();
        plan.event(event).ifPresent(planned -> planned.scripts().forEach(script -> {
            if (script.script().runas() != null) {
                runas.add(script.script().runas());
            }
        }));
        String me = users.currentUser();
        if (runas.isEmpty()) {
            return new Account(null, "as " + me + ", as its scripts run (no runas)");
        }
        if (runas.size() > 1) {
            return new Account(null, "as " + me + ": its scripts run as different users (" + String.join(", ", runas)
                    + "); su to one of them here");
        }
        String user = runas.iterator().next();
        List<String> whyNot = new ArrayList<>();
        return users.switchTo(user, isolation, whyNot)
                .map(to -> new Account(to, "as " + to + ", the scripts' runas (through su, as the agent runs them)"
                        + users.refusingLoginShell(to).map(login -> ". Its login shell is "
                        + login + ": the agent's `su " + to + " -c <script>` fails on it, as the hooks do here; this"
                        + " shell is started with su -s instead, to look around").orElse("")))
                .orElseGet(() -> new Account(null, "as " + me + ", not " + user + ": "
                        + (whyNot.isEmpty() ? "the switch is not possible here" : firstSentence(whyNot.get(0)))));
    }

    /** A hook's note up to its first full stop: the reason, without what the script then did. */
    private static String firstSentence(String note) {
        int end = note.indexOf(". ");
        return end < 0 ? note : note.substring(0, end);
    }

    private String banner(String event, String hookDir, Account account) {
        String roots = String.join(", ", mounts.instanceRoots());
        if (isolation.name().equals("none")) {
            return "hooklab WARNING: no isolation: this shell runs straight on this machine. Absolute paths (" + roots
                    + ", /etc, ...) are this machine's own files, not the sandbox's. Working directory: the sandbox's copy of "
                    + SandboxMounts.AGENT_HOME + ", " + hookDir + "; " + account.words() + ".";
        }
        boolean network = isolation instanceof BubblewrapIsolation bwrap && bwrap.network();
        return "hooklab: a shell in the sandbox, as " + event + "'s hooks run (bubblewrap): " + roots
                + " from " + mounts.root() + ", the rest of this machine read-only, "
                + (network ? "network on" : "no network") + "; " + account.words() + ". Type exit to leave.";
    }
}
