package dev.hooklab.run.process;

import dev.hooklab.run.RunLimits;
import dev.hooklab.run.isolation.Isolation;
import dev.hooklab.run.output.CapturedOutput;
import dev.hooklab.run.output.OutputChannel;
import dev.hooklab.run.output.OutputPumps;
import dev.hooklab.work.Workers;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hook started without {@link HookWrapper}, for machines without perl. Weaker, and its results
 * say so: {@code Process.exitValue()} reports death by signal N as exit code 128+N, the script gets
 * no process group of its own (the deadline reaches the processes Java still sees as its
 * descendants), and open outputs are waited for until the deadline and cannot be named.
 */
final class PlainHookProcess implements HookProcess {
    private static final Pattern JAVA_EXEC_ERROR = Pattern.compile("error=(\\d+), (.*)$");
    /** bwrap's report of a failed exec (as root, bwrap execs the hook), its whole stderr; it exits with 1. */
    private static final Pattern BWRAP_EXEC_ERROR = Pattern.compile("bwrap: execvp .*: ([^:\n]+)\n?");
    /** util-linux prlimit's (as an ordinary user it sets RLIMIT_NPROC and execs the hook); it exits with 126 or 127. */
    private static final Pattern PRLIMIT_EXEC_ERROR = Pattern.compile("prlimit: failed to execute .*: ([^:\n]+)\n?");
    private static final Duration DRAIN = Duration.ofSeconds(3);

    private final HookLaunch launch;
    private final Process process;
    private final OutputPumps pumps;
    private final long started;
    private volatile boolean stopRequested;
    /** The script's processes when Stop was pressed: they get SIGKILL after {@link RunLimits#STOP_GRACE}. */
    private final java.util.Queue<ProcessHandle> stopped = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Set before the deadline's SIGTERM: what the readers read from then on came after the timeout. */
    private volatile boolean deadlineReached;

    private PlainHookProcess(HookLaunch launch, Process process, long started, Workers workers) {
        this.launch = launch;
        this.process = process;
        this.started = started;
        this.pumps = new OutputPumps(process.getInputStream(), process.getErrorStream(), launch.runDir(),
                launch.log(), launch.listener(), launch.limits(), launch.name(), () -> deadlineReached, workers);
    }

    /** The started process, or the outcome of an exec that failed at once. */
    static HookProcess start(HookLaunch launch, Workers workers) throws IOException {
        Isolation isolation = launch.isolation();
        ProcessBuilder builder = new ProcessBuilder(isolation.launch(launch.mounts(),
                Files.createDirectories(launch.controlDir()), launch.argv()))
                .directory(isolation.launchDirectory(launch.mounts()).toFile());
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new PlainHookProcess(launch, process, started, workers);
        } catch (IOException e) {
            Matcher error = JAVA_EXEC_ERROR.matcher(String.valueOf(e.getMessage()));
            if (!error.find()) {
                throw e;
            }
            int errno = Integer.parseInt(error.group(1));
            return new FinishedHookProcess(new ProcessOutcome(null, null, null, null,
                    new ExecError(errno, ExecError.nameOf(errno), error.group(2)), null, List.of(), Set.of(), List.of(),
                    List.of(), CapturedOutput.EMPTY, CapturedOutput.EMPTY,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), List.of(AMBIGUITY), true));
        }
    }

    private static final String AMBIGUITY = "perl is not installed here, so hooklab ran the hook without its wrapper:"
            + " an exit code above 128 may really be death by a signal, and background processes are harder to find.";

    @Override
    public void stop() {
        process.descendants().forEach(stopped::add); // before the SIGTERM orphans any of them
        stopRequested = true;
        terminate();
    }

    private void terminate() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /**
     * Waits for the script's exit until the deadline; returns false at the deadline. A Stop gets the script's tree
     * SIGTERM at once and SIGKILL a second later ({@link RunLimits#STOP_GRACE}), so Stop ends a hook that ignores SIGTERM.
     */
    private boolean awaitExitOrStop() throws InterruptedException {
        long deadline = started + TimeUnit.SECONDS.toNanos(launch.timeoutSeconds());
        long killAt = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                return false;
            }
            if (stopRequested && killAt == Long.MAX_VALUE) {
                killAt = now + RunLimits.STOP_GRACE.toNanos();
            }
            if (now >= killAt) {
                process.descendants().forEach(stopped::add);
                stopped.add(process.toHandle());
                stopped.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                process.waitFor();
                return true;
            }
            if (process.waitFor(Math.min(50_000_000L, Math.min(deadline, killAt) - now), TimeUnit.NANOSECONDS)) {
                return true;
            }
        }
    }

    @Override
    public CapturedOutput outputSoFar(OutputChannel channel) throws IOException {
        return pumps.soFar(channel);
    }

    @Override
    public ProcessOutcome await() throws InterruptedException, IOException {
        List<String> notes = new ArrayList<>(List.of(AMBIGUITY));
        String ending = null;
        List<ProcessRef> survived = new ArrayList<>();
        if (!awaitExitOrStop()) {
            ending = "deadline";
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            deadlineReached = true;
            terminate();
            if (!process.waitFor(launch.limits().killGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                survived.add(new ProcessRef(process.pid(), process.info().commandLine().orElse("?")));
            }
            tree.add(process.toHandle());
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            process.waitFor();
        }
        if (stopRequested) {
            ending = "stopped";
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Set<OutputChannel> leftOpen = EnumSet.noneOf(OutputChannel.class);
        if (ending == null) {
            long remaining = started + TimeUnit.SECONDS.toNanos(launch.timeoutSeconds()) - System.nanoTime();
            if (!pumps.awaitClosed(Duration.ofNanos(Math.max(1, remaining)))) {
                if (pumps.stdoutOpen()) {
                    leftOpen.add(OutputChannel.STDOUT);
                }
                if (pumps.stderrOpen()) {
                    leftOpen.add(OutputChannel.STDERR);
                }
            }
        }
        if (!pumps.awaitClosed(DRAIN)) {
            notes.add("An output of the hook stayed open; hooklab stopped reading it.");
        }
        pumps.close();
        notes.addAll(pumps.problems());
        int exit = process.exitValue();
        ExecError launchExecError = ending == null ? launchExecError(exit) : null;
        return new ProcessOutcome(process.pid(), launchExecError != null ? null : exit, null, null, launchExecError, ending, survived,
                leftOpen, List.of(), List.of(), pumps.stdout(), pumps.stderr(), durationMs, notes, true);
    }

    /**
     * An exec of the hook that failed inside the sandbox, as the program that tried it reports it: its
     * one line is all the output there is, with its own exit code. A hook printing the same line and
     * exiting the same way would be taken for one (it failed either way); the wrapper has no such gap.
     */
    private ExecError launchExecError(int exit) {
        if (!launch.isolation().name().equals("bwrap") || !pumps.stdout().text().isEmpty()) {
            return null;
        }
        Pattern report = exit == 1 ? BWRAP_EXEC_ERROR : exit == 126 || exit == 127 ? PRLIMIT_EXEC_ERROR : null;
        Matcher error = report == null ? null : report.matcher(pumps.stderr().text());
        if (error == null || !error.matches()) {
            return null;
        }
        String text = error.group(1).trim();
        int errno = text.startsWith("No such file") ? 2 : text.startsWith("Permission denied") ? 13
                : text.startsWith("Exec format error") ? 8 : text.startsWith("Text file busy") ? 26 : 0;
        return new ExecError(errno, errno == 0 ? "EUNKNOWN" : ExecError.nameOf(errno), text);
    }
}
