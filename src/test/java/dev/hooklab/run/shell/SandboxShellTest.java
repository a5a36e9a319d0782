package dev.hooklab.run.shell;

import dev.hooklab.Await;
import dev.hooklab.RevisionFolder;
import dev.hooklab.TestSessions;
import dev.hooklab.run.HostAccounts;
import dev.hooklab.run.isolation.IsolationProbe;
import dev.hooklab.run.session.SessionBuilder;
import dev.hooklab.run.session.SessionListener;
import dev.hooklab.run.session.StepSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** "Open a shell here": the command's words, and the command really run, non-interactively, after Install. */
@Tag("process")
class SandboxShellTest {
    @TempDir
    Path tmp;

    private record Ran(int exit, String stdout, String stderr) {
    }

    private static Ran run(List<String> argv, Path dir) throws Exception {
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS)).as("the shell ended").isTrue();
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static void assumeBubblewrap() {
        String problem = new IsolationProbe(new HostAccounts()).bubblewrapProblem();
        assumeTrue(problem == null, () -> "bubblewrap cannot work here: " + problem);
    }

    private static void installed(StepSession session) throws Exception {
        session.runTo(TestSessions.index(session, "Install")).get(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void underBubblewrapTheShellSeesTheInstancePathsAndTheHooksEnvironmentAndCannotWriteOutside() throws Exception {
        assumeBubblewrap();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", SessionListener.NONE);
        // a folder of this machine that the sandbox shows (read-only): not under /tmp, which the sandbox replaces
        Path outside = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "shell-escape-");
        try (StepSession session = prepared.session()) {
            installed(session);
            Path sandbox = session.sandbox().root();
            String script = "pwd; ls /var/app/current; echo \"event=$LIFECYCLE_EVENT id=$DEPLOYMENT_ID"
                    + " app=$APPLICATION_NAME\"; touch /var/app/current/from-shell && echo wrote-inside;"
                    + " touch /etc/hooklab-shell-escape 2>/dev/null && echo escaped-etc || echo etc-refused;"
                    + " touch " + outside + "/x 2>/dev/null && echo escaped-host || echo host-refused;"
                    + " ls /opt/codedeploy-agent/deployment-root";
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("AfterInstall",
                    List.of("-c", script));
            Ran ran = run(shell.argv(), shell.directory());

            List<String> lines = ran.stdout().lines().toList();
            assertThat(ran.exit()).as(ran.stderr()).isZero();
            assertThat(lines.get(0)).isEqualTo("/opt/codedeploy-agent");
            assertThat(lines).contains("conf", "index.html",
                    "event=AfterInstall id=" + session.target().layout().deploymentId() + " app=app",
                    "wrote-inside", "etc-refused", "host-refused",
                    session.target().layout().deploymentGroupId());
            assertThat(ran.stderr()).contains("hooklab: a shell in the sandbox, as AfterInstall's hooks run",
                    "no network");
            assertThat(sandbox.resolve("var/app/current/from-shell")).exists();
            assertThat(Path.of("/etc/hooklab-shell-escape")).doesNotExist();
            assertThat(outside.resolve("x")).doesNotExist();
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void theLineToPasteRunsTheSameShell() throws Exception {
        assumeBubblewrap();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            installed(session);
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("ApplicationStart",
                    List.of("-c", "echo \"$PWD|$LIFECYCLE_EVENT|$AWS_SECRET_ACCESS_KEY\"; cat /var/app/current/conf/app.properties"));
            // pasted into a shell that has AWS credentials and stands elsewhere
            Ran ran = run(List.of("/usr/bin/env", "AWS_SECRET_ACCESS_KEY=secret", "/bin/sh", "-c", shell.pasteLine()),
                    Path.of("/"));
            assertThat(ran.exit()).as(ran.stderr()).isZero();
            assertThat(ran.stdout().lines()).containsExactly("/opt/codedeploy-agent|ApplicationStart|", "port=8080");
        }
    }

    @Test
    void theInteractiveShellWorksAtATerminalWithJobControl() throws Exception {
        assumeBubblewrap();
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script gives the shell a terminal");
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            installed(session);
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("AfterInstall");
            // the interactive shell, exactly as a terminal emulator starts it, on a pseudo-terminal; typed commands
            Process p = new ProcessBuilder("/usr/bin/script", "-qec", shell.pasteLine(), "/dev/null")
                    .redirectErrorStream(true).start();
            p.getOutputStream().write("echo \"in=$PWD\"; ls /var/app/current/conf; sleep 30 & jobs; exit\n"
                    .getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            byte[] out = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(Await.GENEROUS.toSeconds(), TimeUnit.SECONDS)).isTrue();
            String text = new String(out, StandardCharsets.UTF_8);
            assertThat(text).contains("[hooklab AfterInstall] /opt/codedeploy-agent ", "in=/opt/codedeploy-agent",
                    "app.properties", "Running", "sleep 30")
                    .doesNotContain("no job control", "cannot set terminal process group");
        }
    }

    @Test
    void theShellsArgumentsAreTheHooksSandboxKeptInItsTerminal() throws Exception {
        assumeBubblewrap();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            installed(session);
            Path sandbox = session.sandbox().root();
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("AfterInstall");
            List<String> argv = shell.argv();

            assertThat(argv.get(0)).isEqualTo("/usr/bin/env");
            assertThat(argv).containsSubsequence("-u", "AWS_ACCESS_KEY_ID")
                    .contains("LIFECYCLE_EVENT=AfterInstall", "DEPLOYMENT_ID=" + session.target().layout().deploymentId(),
                            "DEPLOYMENT_GROUP_NAME=LocalFleet", "APPLICATION_NAME=app", "--unshare-net", "--unshare-pid",
                            "--die-with-parent")
                    .doesNotContain("--new-session")
                    .containsSubsequence("--bind", sandbox.resolve("var/app/current").toString(), "/var/app/current")
                    .containsSubsequence("--bind", sandbox.resolve("opt/codedeploy-agent").toString(), "/opt/codedeploy-agent")
                    .containsSubsequence("--remount-ro", "/", "--chdir", "/opt/codedeploy-agent", "--");
            assertThat(argv.get(argv.size() - 1)).isEqualTo("--norc");
            assertThat(shell.workingDirectory()).isEqualTo("/opt/codedeploy-agent");
            assertThat(shell.isolated()).isTrue();
            assertThat(shell.variables()).containsEntry("LIFECYCLE_EVENT", "AfterInstall");
        }
    }

    @Test
    void withTheNetworkOnTheShellHasItToo() throws Exception {
        assumeBubblewrap();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", true, SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("BeforeInstall");
            assertThat(shell.argv()).doesNotContain("--unshare-net")
                    .containsSubsequence("--ro-bind-try", "/run/systemd/resolve");
            assertThat(shell.banner()).contains("network on");
            // before Install the destination is not bound: the shell sees what the hook would
            assertThat(shell.argv()).doesNotContain("/var/app/current");
        }
    }

    @Test
    void theHookAndTheShellShareOneSandboxLine() throws Exception {
        assumeBubblewrap();
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "bwrap", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            installed(session);
            var mounts = session.sandbox().mounts();
            Path control = Files.createDirectories(tmp.resolve("control"));
            List<String> hook = new ArrayList<>(prepared.isolation().launch(mounts, control, List.of("/bin/true")));
            prepared.isolation().afterRun(control);
            List<String> shell = new ArrayList<>(prepared.isolation().interactive(mounts, List.of("/bin/true")));
            hook.remove("--new-session");
            hook.set(5, ""); // the hook's cgroup (as root, when this machine delegates one)
            assertThat(shell).isEqualTo(hook);
        }
    }

    @Test
    void withoutIsolationAPlainShellInTheSandboxFolderWithAWarning() throws Exception {
        SessionBuilder.Prepared prepared = InstalledRevision.prepare(tmp, "none", SessionListener.NONE);
        try (StepSession session = prepared.session()) {
            installed(session);
            Path agentHome = session.sandbox().root().resolve("opt/codedeploy-agent");
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), new HostAccounts()).forEvent("BeforeInstall",
                    List.of("-c", "pwd -P; echo $LIFECYCLE_EVENT"));
            Ran ran = run(shell.argv(), shell.directory());

            assertThat(ran.exit()).as(ran.stderr()).isZero();
            assertThat(ran.stdout().lines()).containsExactly(agentHome.toRealPath().toString(), "BeforeInstall");
            assertThat(ran.stderr()).startsWith("hooklab WARNING: no isolation")
                    .contains("are this machine's own files");
            assertThat(shell.isolated()).isFalse();
            assertThat(Collections.frequency(shell.argv(), "/bin/sh")).isEqualTo(1);
        }
    }

    @Test
    void theShellRunsAsTheEventsHooksDoTheirRunasWhereTheyCanAndSaysWhyNotElsewhere() throws Exception {
        assumeBubblewrap();
        Path rev = RevisionFolder.with("""
                        version: 0.0
                        os: linux
                        hooks:
                          BeforeInstall:
                            - location: scripts/who.sh
                              runas: nobody
                          AfterInstall:
                            - location: scripts/a.sh
                              runas: nobody
                            - location: scripts/b.sh
                              runas: root
                        """)
                .script("scripts/who.sh", "#!/bin/bash\n")
                .script("scripts/a.sh", "#!/bin/bash\n")
                .script("scripts/b.sh", "#!/bin/bash\n")
                .writeTo(tmp.resolve("rev"));
        SessionBuilder.Prepared prepared = TestSessions.build(rev, tmp.resolve("sandbox"), "bwrap",
                SessionListener.NONE, null);
        HostAccounts host = new HostAccounts();
        try (StepSession session = prepared.session()) {
            ShellCommand shell = SandboxShell.of(session, prepared.isolation(), host).forEvent("BeforeInstall",
                    List.of("-c", "id -un; pwd; echo $LIFECYCLE_EVENT"));
            Ran ran = run(shell.argv(), shell.directory());
            assertThat(ran.exit()).as(ran.stderr()).isZero();
            // nobody where hooklab can switch users as the agent does (root, no user namespace), else hooklab's
            // user, as the hook itself would run here (su -s: nobody's login shell, nologin, would refuse a shell)
            boolean switches = host.isRoot() && !host.inUserNamespace();
            String user = switches ? "nobody" : host.currentUser();
            assertThat(ran.stdout().lines()).containsExactly(user, "/opt/codedeploy-agent", "BeforeInstall");
            assertThat(ran.stderr()).contains(switches ? "as nobody, the scripts' runas (through su"
                    : "as " + user + ", not nobody: runas nobody was not honoured");
            boolean nologin = host.loginShell("nobody").filter(HostAccounts::refusesLogin).isPresent();
            if (switches && nologin) {
                assertThat(ran.stderr()).contains("Its login shell is " + host.loginShell("nobody").orElseThrow()
                        + ": the agent's `su nobody -c <script>` fails on it");
            }

            // scripts that run as different users: the shell stays hooklab's and says so
            ShellCommand mixed = SandboxShell.of(session, prepared.isolation(), host).forEvent("AfterInstall",
                    List.of("-c", "id -un"));
            Ran mixedRan = run(mixed.argv(), mixed.directory());
            assertThat(mixedRan.stdout().strip()).isEqualTo(host.currentUser());
            assertThat(mixedRan.stderr()).contains("its scripts run as different users (nobody, root)");
        }
    }
}
