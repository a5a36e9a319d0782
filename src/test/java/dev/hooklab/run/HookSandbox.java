package dev.hooklab.run;

import dev.hooklab.appspec.TargetOs;
import dev.hooklab.plan.AgentPath;
import dev.hooklab.plan.DeploymentLayout;
import dev.hooklab.run.agent.SandboxScriptFiles;
import dev.hooklab.run.agent.SandboxTree;
import dev.hooklab.run.agent.SandboxWrites;
import dev.hooklab.run.isolation.SandboxMounts;
import dev.hooklab.run.output.HookLog;
import dev.hooklab.run.output.OutputListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A sandbox folder with a deployment archive, for tests that run real hook scripts. */
public final class HookSandbox {
    static final String ARCHIVE = "/opt/codedeploy-agent/deployment-root/dg-1234/d-TEST12345/deployment-archive";
    static final String SCRIPTS_LOG = "/opt/codedeploy-agent/deployment-root/dg-1234/d-TEST12345/logs/scripts.log";

    final Path root;
    public final SandboxMounts mounts;

    public HookSandbox(Path root, String... destinations) {
        this.root = root;
        this.mounts = SandboxMounts.of(root, List.of(destinations));
    }

    /** The scripts as hooklab finds and changes them: inside this sandbox only. */
    public ScriptFiles files() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SandboxScriptFiles(new SandboxWrites(new SandboxTree(root)), mounts);
    }

    /** Writes a script into the archive (CRLF and all: the content is written as given). */
    public Path script(String location, String content, boolean executable) {
        Path file = mounts.hostPath(ARCHIVE + "/" + location);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public ScriptInvocation call(String location, int timeoutSeconds) {
        return call(location, timeoutSeconds, null, false);
    }

    public ScriptInvocation call(String location, int timeoutSeconds, String runas, boolean sudo) {
        String joined = AgentPath.fileJoin(ARCHIVE, location); // as the agent's File.join gives it
        String instancePath = SandboxMounts.normalize(joined);
        return new ScriptInvocation("AfterInstall", location, instancePath, joined, mounts.hostPath(instancePath),
                timeoutSeconds, runas, sudo);
    }

    HookEnvironment environment() {
        return new HookEnvironment(new DeploymentLayout(TargetOs.LINUX, DeploymentLayout.LINUX_ROOT, "dg-1234",
                "d-TEST12345"), "shop", "shop-prod", Map.of("BUNDLE_COMMIT", "0123abc"));
    }

    Path scriptsLog() {
        return mounts.hostPath(SCRIPTS_LOG);
    }

    HookLog log() throws IOException {
        HookLog log = HookLog.open(scriptsLog());
        log.lifecycleEvent("AfterInstall");
        return log;
    }

    /** Runs one script and closes the log. */
    public ScriptRun run(HookRunner runner, ScriptInvocation call, OutputListener listener)
            throws IOException, InterruptedException {
        try (HookLog log = log()) {
            return runner.run(call, environment(), log, listener);
        }
    }

    public ScriptRun run(HookRunner runner, ScriptInvocation call) throws IOException, InterruptedException {
        return run(runner, call, OutputListener.NONE);
    }

    /** Pids of this machine's live processes whose command line contains {@code text}. */
    public static List<Long> processesRunning(String text) {
        List<Long> found = new ArrayList<>();
        try (var processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                long pid = Long.parseLong(process.getFileName().toString());
                if (alive(pid) && commandLine(pid).contains(text)) {
                    found.add(pid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Running and not a zombie, from /proc (a zombie nobody reaps still counts as alive for ProcessHandle). */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid + "", "stat"));
            char state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return false; // gone meanwhile
        }
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", pid + "", "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
